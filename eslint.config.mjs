// ESLint flat config: typescript-eslint's recommended rules without type information (fast on two
// cores), a few cheap extra checks, and eslint-config-prettier last so layout is left to Prettier.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['**/dist/', 'out/', 'bench/out/', 'test/e2e/node_modules/', 'test/e2e/.state/', 'test/e2e/artifacts/', 'test/fixtures/', 'test/corpus-dev/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // As tsc's noUnusedParameters: `_`-prefixed parameters may go unused; `{ a: _a, ...rest }` drops keys.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // One-line bodies deliberately use comma sequences, `if (d < best) (best = d), (at = i);`, which
      // this rule always reports (it has no option for them); tsc still reports a left comma operand
      // without side effects (TS2695).
      '@typescript-eslint/no-unused-expressions': 'off',
      // Chinese text in strings and templates uses the ideographic space U+3000.
      'no-irregular-whitespace': ['error', { skipTemplates: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
    },
  },
  {
    // Callbacks passed to page.evaluate() run in the browser.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
