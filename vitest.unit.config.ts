import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The fast lane: the unit tests beside the code, no database, no server (`npm run test:unit`). A dialect's
 * test/ folder holds its integration tests (both databases): they run with the whole suite.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'src/dialects/*/test/**'],
    pool: 'threads',
  },
});
