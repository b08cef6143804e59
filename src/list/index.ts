export { parseList } from './parse';
export { detectFormat } from './detect';
export { isSafeRepositoryName } from './names';
export { compareRepositoryNames } from './order';
export { LIST_LIMITS, type ListLimits } from './limits';
export { officialList, type OfficialListing } from './official';
export { isUnreadable, sameContent } from './readable';
