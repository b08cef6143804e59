// The tests and the built-in example build real git repositories the same way.
export { createTempRepo, tempRepoAt, type TempRepo } from '../../examples/temp-repo';
