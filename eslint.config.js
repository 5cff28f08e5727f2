import tseslint from 'typescript-eslint';

/** I/O and framework modules that the pure core must never import. */
const IO_MODULES = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'dgram',
  'node:dgram',
  'dns',
  'node:dns',
  'tls',
  'node:tls',
  'worker_threads',
  'node:worker_threads',
  'cluster',
  'node:cluster',
  'crypto',
  'node:crypto',
  'os',
  'node:os',
  'kysely',
  'pg',
  'better-sqlite3',
  'fastify',
  'pino',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '.tmp/**',
      'soak/results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({
            name,
            message: 'src/core is pure: no I/O, clock or framework imports.',
          })),
          patterns: [
            {
              group: ['**/db/**', '**/app/**', '**/http/**', '**/dialects/**', '**/jobs/**', '**/cli/**'],
              message: 'src/core imports only src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'src/core is pure: no network.' },
        { name: 'setTimeout', message: 'src/core is pure: no timers.' },
        { name: 'setInterval', message: 'src/core is pure: no timers.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core takes time as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core takes randomness as a parameter.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '**/dialects/**'],
              message: 'Dependencies point inward: app/core/db never import http or dialects.',
            },
          ],
        },
      ],
    },
  },
);
