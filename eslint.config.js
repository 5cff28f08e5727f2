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

/** The protocols the dialects speak: their names never appear in the core's code (comments may cite them). */
const VENDOR_NAMES = '/avomark|fidelisa|cashdesk|bpm.?online|vision.?360|promo.?v7/i';

/**
 * Files outside src/db that still build queries themselves. Each should move its queries into a repository
 * of src/db; the list only shrinks (a new file that builds a query fails the lint).
 */
const QUERY_BUILDING_DEBT = [
  'src/app/ops/check.ts',
  'src/app/ops/check-ledger.ts',
  'src/app/ops/check-summaries.ts',
  'src/app/sales/sale-reversal.ts',
  'src/dialects/fidelisa/use-cases/gifts.ts',
  'src/dialects/fidelisa/use-cases/notifications.ts',
  'src/dialects/fidelisa/use-cases/shops.ts',
  'src/dialects/fidelisa/use-cases/signature.ts',
];

const QUERY_BUILDERS =
  '/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/';

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
      'web/sdk/dist/**',
      'web/sdk/src/schema.ts',
      'test/e2e/screenshots/**',
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
      'no-restricted-syntax': [
        'error',
        {
          selector: `Identifier[name=${VENDOR_NAMES}]`,
          message: 'src/core speaks of the domain only: vendor vocabulary belongs to src/dialects.',
        },
        {
          selector: `Literal[value=${VENDOR_NAMES}]`,
          message: 'src/core speaks of the domain only: vendor vocabulary belongs to src/dialects.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core takes time as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core takes randomness as a parameter.' },
      ],
    },
  },
  {
    // Tests beside the core may cite the documents whose examples they replay.
    files: ['src/core/**/*.test.ts', 'src/core/**/*.fixture.ts'],
    rules: { 'no-restricted-syntax': 'off' },
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
  {
    // http and the dialects' wire code reach the database only through the use-cases of src/app. A
    // dialect's use-cases/ folder is its own application layer (vendor orchestration) and may read repositories.
    files: ['src/http/**/*.ts', 'src/dialects/**/*.ts'],
    ignores: ['src/dialects/*/use-cases/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', 'kysely', 'pg', 'better-sqlite3'],
              message: 'http and dialects never import db: call a use-case of src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Handlers take request.body, query and params as their TypeBox schemas type them (the type provider):
    // no cast at the handler seam, so tsc checks the schemas against the use-cases' input types.
    files: ['src/http/routes/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // Queries are built in src/db only, behind repository functions (hot ones precompiled).
    files: [
      'src/app/**/*.ts',
      'src/http/**/*.ts',
      'src/dialects/**/*.ts',
      'src/jobs/**/*.ts',
      'src/cli/**/*.ts',
    ],
    ignores: QUERY_BUILDING_DEBT,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${QUERY_BUILDERS}]`,
          message: 'Queries are built in src/db: add or extend a repository function.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'Queries are built in src/db: add or extend a repository function.',
        },
      ],
    },
  },
);
