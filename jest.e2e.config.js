/**
 * End-to-end tests with a real client (the Agents Playground in headless Chromium). Kept out of the
 * default run because they start a browser; `npm run test:e2e` runs them, once, on SQLite.
 */
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'e2e',
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 90000,
};
