/**
 * The suite runs against SQLite always, and again against PostgreSQL when TEST_DATABASE_URL is set
 * (`.ci/run` sets it). Pure unit tests that never touch a database run once, in the SQLite project.
 * Type checking runs once in `npm test` (tsc --noEmit); jest only transpiles, which keeps it fast.
 */
const fs = require('node:fs');
const path = require('node:path');

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
};

/**
 * Tests that never open a database run once: a test file uses one only through the shared helpers
 * (test/helpers/db or test/helpers/bot), so a file that imports neither is database-free.
 */
const DATABASE_FREE = listTests(path.join(__dirname, 'test'))
  .filter((file) => !/helpers\/(db|bot)['"]/.test(fs.readFileSync(file, 'utf8')))
  .map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

function listTests(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listTests(full);
    return e.name.endsWith('.test.ts') ? [full] : [];
  });
}

const projects = [{ ...shared, displayName: 'sqlite', setupFiles: ['<rootDir>/test/setup/sqlite.js'] }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    ...shared,
    displayName: 'postgresql',
    setupFiles: ['<rootDir>/test/setup/postgresql.js'],
    testPathIgnorePatterns: [...shared.testPathIgnorePatterns, ...DATABASE_FREE],
  });
}

// Two workers on CI's two cores: most tests wait on the database or HTTP, not the CPU.
module.exports = { projects, testTimeout: 30000, maxWorkers: 2 };
