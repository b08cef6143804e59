import { devNull } from 'node:os';

/** The transports a git call may use; local reads use none. */
export type GitProtocol = 'https' | 'http' | 'file';

// Only these variables reach git. Everything else a hook or shell exports (GIT_DIR, GIT_WORK_TREE,
// GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_CONFIG_PARAMETERS, GIT_EXEC_PATH, GIT_SSH_COMMAND,
// GIT_ASKPASS, PAGER, EDITOR, ...) could redirect it to another repository or make it run a program.
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'TMPDIR',
  'XDG_CONFIG_HOME',
  // The person's own git configuration stays theirs to set (tests point these at /dev/null).
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
  // Network settings, for clones and fetches over https.
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

/** The environment of every git process: an allowlist, in the C locale, never prompting. */
export function gitEnvironment(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = from[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ATTR_NOSYSTEM: '1',
  };
}

/**
 * `-c` settings (highest precedence, above any repository's `.git/config`) that leave nothing in
 * a repository's configuration able to run a program, page, prompt or reach the network:
 * signatures are never checked (gpg.program never runs), no fsmonitor, hooks, pager, textconv,
 * external diff, askpass or credential helper, and only the transports `protocols` names.
 */
export function safeConfig(protocols: readonly GitProtocol[] = []): string[] {
  return [
    'log.showSignature=false',
    'core.fsmonitor=false',
    `core.hooksPath=${devNull}`,
    'core.pager=cat',
    `core.askPass=`,
    'credential.helper=',
    'diff.external=',
    'gc.auto=0',
    'maintenance.auto=false',
    'protocol.allow=never',
    ...protocols.map((protocol) => `protocol.${protocol}.allow=always`),
  ];
}

/** Global options before every command: no pager, no replace refs, no lazy fetch surprises. */
export const GLOBAL_OPTIONS: readonly string[] = ['--no-pager', '--no-replace-objects'];
