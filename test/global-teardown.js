// Repeats a real-data skip under jest's summary, so a run that passed without the real data says
// so where it is read. Silent when the data was there.
const { realDataMessage, realDataPresent } = require('./global-setup');

module.exports = async function remindRealDataSkipped() {
  if (!realDataPresent()) process.stdout.write(`\n${realDataMessage()}\n`);
};
