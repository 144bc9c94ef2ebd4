/**
 * The suite runs against SQLite always, and again against PostgreSQL when TEST_DATABASE_URL is set
 * (`.ci/run` sets it). Pure unit tests that never touch a database run once, in the SQLite project.
 * Type checking runs once in `npm test` (tsc --noEmit); jest only transpiles, which keeps it fast.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
};

/** Tests that never open a database. */
const DATABASE_FREE = ['<rootDir>/test/app-package/', '<rootDir>/test/core/query/', '<rootDir>/test/core/import/(?!apply)', '<rootDir>/test/core/time', '<rootDir>/test/core/rag', '<rootDir>/test/cards/'];

const projects = [{ ...shared, displayName: 'sqlite', setupFiles: ['<rootDir>/test/setup/sqlite.js'] }];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    ...shared,
    displayName: 'postgresql',
    setupFiles: ['<rootDir>/test/setup/postgresql.js'],
    testPathIgnorePatterns: [...shared.testPathIgnorePatterns, ...DATABASE_FREE],
  });
}

module.exports = { projects, testTimeout: 30000 };
