export { parseList } from './parse';
export { detectFormat } from './detect';
export { isSafeRepositoryName } from './names';
export { compareRepositoryNames } from './order';
export { LIST_LIMITS, type ListLimits } from './limits';
export { oversightListSchemaPath } from './native-schema';
export { MANAGED_TAG } from './governance';
export { officialList, type OfficialListing } from './official';
export { isUnreadable, sameContent } from './readable';
