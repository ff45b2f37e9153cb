// ESLint as SvelteKit's own template sets it up (flat config: JavaScript, typescript-eslint,
// eslint-plugin-svelte, Prettier for layout), plus the rule that keeps the domain free of the
// outer layers (tests/unit/architecture.test.ts says the same).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

const DOMAIN = [
  'functions/core/{accounts,auth,certification,course,quiz,reminders}/**/*.ts',
  'functions/core/errors.ts',
  'functions/core/idempotency.ts',
];

export default ts.config(
  {
    ignores: [
      'node_modules/',
      'cdk.out/',
      'web/build/',
      'web/.svelte-kit/',
      'web/static/',
      'functions/core/course/generated/',
      'tests/bench/results/',
      '.scratch/',
      '.local/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  {
    rules: {
      // The site is served at the root of its own origin (no kit.paths.base), and every internal
      // link is built in one place ($lib/links.ts, $lib/pages.ts), so resolve() would add nothing.
      'svelte/no-navigation-without-resolve': 'off',
      // Unused values are mistakes; a leading underscore says "deliberately unused" (a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A CloudFront Function: its runtime calls `handler` by name.
    files: ['infra/site/viewer-request.cloudfront.js'],
    rules: { 'no-unused-vars': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: DOMAIN,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/*', '**/http/*', '**/store/*', '**/identity/*', '**/mail/*'],
              message: 'The domain owns its model: the API layer and the adapters import the domain, never the reverse.',
            },
            {
              group: ['hono', 'hono/*', '@hono/*', '@aws-sdk/*', 'aws-lambda'],
              message: 'Domain code knows nothing of HTTP, Lambda or the AWS SDK.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests share helpers through tests/support; a test that imports the benchmark would run its code in npm test.
    files: ['tests/**/*.ts'],
    ignores: ['tests/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/bench/*'], message: 'Shared test code lives in tests/support, not in tests/bench.' }] },
      ],
    },
  },
);
