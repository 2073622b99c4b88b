// Test runner configuration: the test/ tree runs against the sources (TypeScript) directly.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/data.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
