import { MockAgent, setGlobalDispatcher } from 'undici';

// Make every git call in the tests hermetic: no user or system config, local protocols only.
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_SYSTEM = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.GIT_AUTHOR_NAME = 'Test Author';
process.env.GIT_AUTHOR_EMAIL = 'author@example.org';
process.env.GIT_COMMITTER_NAME = 'Test Committer';
process.env.GIT_COMMITTER_EMAIL = 'committer@example.org';
process.env.NO_COLOR = '1';
// No test reaches the network: the git cache is off unless a test turns it on (its own io.env).
process.env.VMT_OVERSIGHT_NO_CACHE = '1';
// No test asks a real remote service: CLI processes the tests start are offline unless a test
// points them at a local server and clears this.
process.env.VMT_OVERSIGHT_OFFLINE = '1';

// And should one forget that (a CliIO whose env lacks it), a request to anything but this machine
// never leaves it: undici's global dispatcher connects to loopback only (anything else fails as a
// network error, which the sources report as unavailable).
const loopbackOnly = new MockAgent();
loopbackOnly.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));
setGlobalDispatcher(loopbackOnly);
