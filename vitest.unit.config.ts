import { defineConfig } from 'vitest/config';

/** The fast lane: the pure core's unit tests only, no database, no server (`npm run test:unit`). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'threads',
  },
});
