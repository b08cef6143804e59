// Says once, at the top of every run that includes the real-data project, whether its suite runs
// or is skipped (jest hides the console output of test files whose tests are all skipped);
// test/global-teardown.js says a skip again under the summary, where it is read.
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

const DATA = resolve(__dirname, '../../shared/data');

function realDataMessage() {
  return existsSync(DATA)
    ? `real-data suite: reading ${DATA}`
    : `real-data suite SKIPPED: ${DATA} (../shared/data beside this checkout) is not there; ` +
        'its tests did not run (CI has the data)';
}

module.exports = async function announceRealData() {
  process.stdout.write(`\n${realDataMessage()}\n`);
};
module.exports.realDataMessage = realDataMessage;
module.exports.realDataPresent = () => existsSync(DATA);
