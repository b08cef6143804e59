import { compareText } from '../util/compare';

/**
 * Order of repository names on the list: namespace, then name, ignoring case and punctuation,
 * which is how the VMT's own page is sorted (`python-ironicclient` before
 * `python-ironic-inspector-client`). Ties fall back to plain code-point order, so the order is
 * total and does not depend on the locale.
 */
export function compareRepositoryNames(a: string, b: string): number {
  const [aNamespace = '', aName = ''] = a.split('/');
  const [bNamespace = '', bName = ''] = b.split('/');
  return (
    compareText(sortKey(aNamespace), sortKey(bNamespace)) ||
    compareText(sortKey(aName), sortKey(bName)) ||
    compareText(a, b)
  );
}

function sortKey(part: string): string {
  return part.toLowerCase().replace(/[^a-z0-9]/g, '');
}
