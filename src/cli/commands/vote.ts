import { optional } from '../../util/optional';
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { runCheck } from '../../engine/check';
import { NOTIFY_HANDLINGS } from '../../gerrit/types';
import { runVote, type VoteOutcome } from '../../vote/flow';
import type { VoteOptions } from '../../vote/options';
import { addConfigOptions, configAtBase, type ConfigFlags } from '../config';
import { addEvidenceOptions, checkedSourceOptions, type EvidenceFlags } from '../evidence-options';
import type { CliIO } from '../io';
import { progressBar } from '../progress';

type VoteSettings = Pick<
  VoteOptions,
  'gerrit' | 'change' | 'revision' | 'label' | 'notify' | 'dryRun'
>;

interface VoteFlags extends EvidenceFlags, ConfigFlags, VoteSettings {
  repo: string;
  list?: string;
  base?: string;
  head?: string;
}

export function voteCommand(io: CliIO, setExitCode: (code: number) => void): Command {
  const command = new Command('vote')
    .summary('check a Gerrit change and post the review (vote and inline comments)')
    .description(
      'Read the change from Gerrit, refuse a closed change or a stale revision, check the ' +
        "revision (the checkout HEAD, --head or --revision, which must be the change's current " +
        'one) against its parent, and post one review: the label +1 on pass, -1 on fail, 0 when ' +
        'inconclusive (withdrawing an earlier +1); a summary; inline comments on the files the ' +
        'change touches.\n\n' +
        'Credentials (HTTP password): GERRIT_USERNAME with GERRIT_PASSWORD (or ' +
        'GERRIT_HTTP_PASSWORD), else the ~/.netrc (or $NETRC) entry for the Gerrit host and port (https, or http to this machine only).\n\n' +
        'Exit codes: 0 pass (+1), 1 fail (-1), 2 usage, configuration or Gerrit error (nothing ' +
        'or not all was posted), 3 inconclusive (posted with the label at 0).',
    )
    .requiredOption('--gerrit <url>', 'the Gerrit server, e.g. https://review.opendev.org')
    .requiredOption('--change <n>', 'the change number (or project~number)')
    .option('--revision <rev>', 'the commit to vote on (default: --head, else the checkout HEAD)')
    .option('--label <name>', 'the label to vote on', 'Verified')
    .addOption(
      new Option('--notify <who>', 'whom Gerrit emails about the review')
        .choices(NOTIFY_HANDLINGS)
        .default('OWNER'),
    )
    .option('--dry-run', 'print the review body (JSON) instead of posting it', false)
    .option('--repo <dir>', 'the repository holding the list, checked out at the change', '.')
    .option('--list <path>', 'the list file, relative to --repo (found automatically if omitted)')
    .option('--base <rev>', "base revision (default: the revision's parent)")
    .option('--head <rev>', 'the revision to check (default: the checkout HEAD)');
  addConfigOptions(addEvidenceOptions(command)).action(async (flags: VoteFlags) => {
    const repo = resolve(io.cwd, flags.repo);
    const config = await configAtBase(repo, flags);
    const progress = progressBar(io);
    try {
      const outcome = await runVote(
        {
          gerrit: flags.gerrit,
          change: flags.change,
          ...(flags.revision !== undefined ? { revision: flags.revision } : {}),
          label: flags.label,
          notify: flags.notify,
          dryRun: flags.dryRun,
          check: {
            repo,
            ...optional('list', flags.list ?? config.values.list),
            ...optional('base', flags.base),
            ...optional('head', flags.head),
            sources: await checkedSourceOptions(flags, config, io.today(), io),
            ...(config.values.rules ? { severities: config.values.rules } : {}),
            ...(config.configChange ? { configChange: config.configChange } : {}),
            progress,
          },
          env: io.env,
          ...(io.env.HOME ? { home: io.env.HOME } : {}),
        },
        { runCheck },
      );
      progress.stop();
      report(outcome, flags, io);
      setExitCode(outcome.exitCode);
    } finally {
      progress.stop();
    }
  });
  return command;
}

function report(outcome: VoteOutcome, flags: VoteFlags, io: CliIO): void {
  const { target, review } = outcome;
  const vote = review.labels?.[flags.label];
  const what =
    `${vote === undefined || vote === 0 ? `no vote (${flags.label} 0)` : `${flags.label} ${vote > 0 ? '+1' : '-1'}`}, ` +
    `${Object.values(review.comments ?? {}).flat().length} inline comment(s)`;
  const where = `change ${target.number} patch set ${target.patchSet} (${target.revision})`;
  if (!outcome.posted) {
    io.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
    io.stderr.write(`dry run: would post to ${where}: ${what}; nothing was posted\n`);
    return;
  }
  const lost = outcome.confirmedByReadBack
    ? " (Gerrit's answer was lost; the review was found on the change)"
    : '';
  io.stdout.write(
    `${review.message}\n\nPosted the review on ${where}: ${what}${lost}.\n${target.url}\n`,
  );
}
