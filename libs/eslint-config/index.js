// The one lint setup every package uses: ESLint's and typescript-eslint's recommended
// rules, the few house rules that catch real mistakes, and two type-aware rules for the
// mistake types and tests miss: a promise nobody awaits or catches (its rejection is
// unhandled and kills the process) and a promise passed where a callback's result is ignored.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.jest/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // One TypeScript program per tsconfig.json the files belong to, as editors build it.
        // `eslint .` runs in the package's folder (turbo, npm run lint), which is where its
        // tsconfig.json is. Build configs (vite.config.mts) belong to no tsconfig: not matched.
        projectService: true,
        tsconfigRootDir: process.cwd(),
        // The CLI's "single run" shortcut reads tsconfig.json without resolving symlinks, so
        // `extends: "@mirrormesh/tsconfig/check.json"` (a workspace symlink whose own extends
        // is relative) points outside the repository; the project service proper resolves it.
        disallowAutomaticSingleRunInference: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
