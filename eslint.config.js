import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries from docs/architecture.md, as no-restricted-imports patterns per layer. */
const ourLayers = ['contracts', 'db', 'server', 'cli', 'web', 'config'];
const forbid = (layers, message) => ({
  patterns: layers.map((l) => ({ group: [`**/${l}/**`, `**/${l}`], message })),
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.tsunagu', 'test-results', 'bin/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration',
          message: 'No barrel re-exports: import the file you mean.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/config.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/config.ts.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(ourLayers, 'domain/ imports only domain/.')],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'domain/ is pure: no process.env.' },
        { name: 'fetch', message: 'domain/ is pure: no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'domain/ has no clock: take the time as input.',
        },
        { object: 'process', property: 'env', message: 'domain/ is pure: no process.env.' },
      ],
    },
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid(['db', 'server', 'cli', 'web', 'config'], 'contracts/ import only domain/.'),
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        forbid(['db', 'server', 'cli', 'config'], 'web/ imports only contracts/ and domain/.'),
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbid(['server', 'web'], 'cli/ never imports server/.')],
    },
  },
  {
    files: ['src/server/features/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/',
              message: 'A feature never imports a sibling feature.',
            },
            { group: ['**/web/**', '**/cli/**'], message: 'server/ never imports web/ or cli/.' },
          ],
        },
      ],
    },
  },
);
