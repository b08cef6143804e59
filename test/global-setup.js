// Says once, at the top of every test run, whether the real-data suite runs or is skipped
// (jest hides the console output of test files whose tests are all skipped).
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

module.exports = async function announceRealData() {
  const data = resolve(__dirname, '../../shared/data');
  const message = existsSync(data)
    ? 'real-data suite: reading ../shared/data'
    : 'real-data suite SKIPPED: ../shared/data is not beside this checkout (CI has it)';
  process.stdout.write(`\n${message}\n`);
};
