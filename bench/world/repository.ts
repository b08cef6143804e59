import { SERIES, BENCH_AS_OF, leftBranch, stableBranch, type BenchSeries } from './series';
import type { Random } from './random';

/** One tag of a synthetic repository, with the commit it lands on (a fast-import mark). */
export interface BenchTag {
  name: string;
  date: string;
  mark: number;
  series: BenchSeries;
  final: boolean;
}

/** What the world's data files say about one repository. */
export interface BenchRepository {
  name: string;
  tags: BenchTag[];
  branches: { name: string; mark: number; series: BenchSeries }[];
  /** The series it first released in: its deliverable files start there. */
  firstSeries: number;
  /** The fast-import stream that builds it. */
  stream: string;
}

const DAY = 86_400_000;

const FILES: Record<string, string> = {
  'zuul.yaml': [
    '- project:',
    '    templates:',
    '      - openstack-python3-jobs',
    '      - publish-openstack-docs-pti',
    '      - release-notes-jobs-python3',
    '    check:',
    '      jobs:',
    '        - openstack-tox-pep8',
    '',
  ].join('\n'),
  'tox.ini': [
    '[tox]',
    'envlist = py3,pep8',
    '',
    '[testenv]',
    'commands = stestr run {posargs}',
    '',
    '[testenv:pep8]',
    'commands = flake8 {posargs}',
    '',
  ].join('\n'),
  'setup.cfg': '[metadata]\nname = bench\n',
  'README.rst': 'A synthetic repository of the vmt-oversight bench.\n',
};

/** Builds the fast-import stream of one repository: 50–150 tags over the series it lives in. */
export function benchRepository(name: string, random: Random): BenchRepository {
  const target = random.between(50, 150);
  const firstSeries = firstSeriesFor(target, random);
  const writer = new StreamWriter();
  const blobs = Object.entries(FILES).map(([path, content]) => ({
    path,
    mark: writer.blob(content),
  }));
  const tags: BenchTag[] = [];
  const branches: BenchRepository['branches'] = [];
  const deletions: string[] = [];
  for (const series of SERIES.slice(firstSeries)) {
    const released = Date.parse(`${series.released}T12:00:00Z`);
    const onMain = (tag: string, offsetDays: number, final: boolean): void => {
      const date = iso(released + offsetDays * DAY);
      if (date > BENCH_AS_OF) return;
      const mark = writer.commit('refs/heads/master', `Prepare ${tag}`, date, blobs);
      tags.push({ name: tag, date, mark, series, final });
      writer.tag(tag, mark, date);
    };
    const major = SERIES.indexOf(series) + 1;
    onMain(`${major}.0.0.0b1`, -60, false);
    onMain(`${major}.0.0.0rc1`, -14, false);
    const before = tags.length;
    onMain(`${major}.0.0`, -1, true);
    if (tags.length === before) continue;
    const branchPoint = tags[tags.length - 1]!.mark;
    const state = leftBranch(series);
    const branch =
      state === 'unmaintained' ? `unmaintained/${series.releaseId}` : stableBranch(series);
    writer.reset(`refs/heads/${branch}`, branchPoint);
    let tip = branchPoint;
    for (let patch = 1; patch <= random.between(1, 5); patch += 1) {
      const date = iso(released + patch * 45 * DAY);
      if (date > BENCH_AS_OF) break;
      tip = writer.commit(`refs/heads/${branch}`, `Fix ${patch}`, date, blobs);
      const tag = `${major}.0.${patch}`;
      tags.push({ name: tag, date, mark: tip, series, final: true });
      writer.tag(tag, tip, date);
    }
    if (state === 'eol-tag') {
      const date = series.nextPhase?.date ?? iso(released + 900 * DAY);
      writer.tag(`${series.name}-eol`, tip, date <= BENCH_AS_OF ? date : BENCH_AS_OF);
      deletions.push(`refs/heads/${branch}`);
    } else {
      branches.push({ name: branch, mark: tip, series });
    }
  }
  writer.commit(
    'refs/heads/master',
    'Work in progress',
    iso(Date.parse(BENCH_AS_OF) - 3 * DAY),
    blobs,
  );
  for (const ref of deletions) writer.deleteRef(ref);
  return { name, tags, branches, firstSeries, stream: writer.text() };
}

/** The oldest series to start from so that the repository gets about `target` tags. */
function firstSeriesFor(target: number, random: Random): number {
  const perSeries = 5 + random.between(0, 1);
  return Math.max(0, SERIES.length - Math.ceil(target / perSeries));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Writes a `git fast-import` stream: blobs, commits, annotated tags and branch resets. */
class StreamWriter {
  private readonly parts: string[] = [];
  private nextMark = 1;
  private readonly tips = new Map<string, number>();

  blob(content: string): number {
    const mark = this.nextMark++;
    this.parts.push(`blob\nmark :${mark}\n${data(content)}`);
    return mark;
  }

  commit(
    ref: string,
    message: string,
    date: string,
    files: { path: string; mark: number }[],
  ): number {
    const mark = this.nextMark++;
    const parent = this.tips.get(ref);
    const lines = [
      `commit ${ref}`,
      `mark :${mark}`,
      `committer ${who(date)}`,
      data(message).trimEnd(),
    ];
    if (parent !== undefined) lines.push(`from :${parent}`);
    if (parent === undefined)
      lines.push(...files.map((file) => `M 100644 :${file.mark} ${file.path}`));
    this.parts.push(`${lines.join('\n')}\n\n`);
    this.tips.set(ref, mark);
    return mark;
  }

  tag(name: string, mark: number, date: string): void {
    this.parts.push(`tag ${name}\nfrom :${mark}\ntagger ${who(date)}\n${data(name)}`);
  }

  reset(ref: string, mark: number): void {
    this.parts.push(`reset ${ref}\nfrom :${mark}\n\n`);
    this.tips.set(ref, mark);
  }

  /** fast-import cannot delete a ref; `0{40}` as `from` is its documented way to do so. */
  deleteRef(ref: string): void {
    this.parts.push(`reset ${ref}\nfrom 0000000000000000000000000000000000000000\n\n`);
  }

  text(): string {
    return `${this.parts.join('')}done\n`;
  }
}

function who(date: string): string {
  return `Bench <bench@example.org> ${Math.floor(Date.parse(`${date}T12:00:00Z`) / 1000)} +0000`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}
