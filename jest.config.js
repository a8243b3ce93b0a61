/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 30000,
  // The key-leak audit: every log line and response of the run, grepped at the end.
  globalSetup: '<rootDir>/test/audit/setup.ts',
  globalTeardown: '<rootDir>/test/audit/teardown.ts',
};
