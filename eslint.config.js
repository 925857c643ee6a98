import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Workflow code is replayed by Temporal and must stay deterministic: no Node built-ins,
// no model, no database, nothing from the web app. Only pure modules and activity types.
const workflowImportBans = {
  patterns: [
    { group: ['node:*'], message: 'Workflows must not touch Node built-ins.' },
    {
      group: ['@tensorflow/*', 'better-sqlite3', 'pg', 'graphql*', '@temporalio/worker'],
      message: 'Workflows must not do I/O or heavy compute; call an activity.',
    },
    { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activity types only.' },
    { group: ['**/events/store/**', '**/web/**', '**/infra/**'], message: 'Not deterministic.' },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads'].map(
    (name) => ({ name, message: 'Workflows must not touch Node built-ins.' }),
  ),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/.svelte-kit/',
      'web/build/',
      '.data/',
      'bench-results/',
      'reproduce-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-len': ['error', { code: 100, ignoreUrls: true, ignoreStrings: true }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['*.js', '*.config.js', 'web/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', workflowImportBans] },
  },
);
