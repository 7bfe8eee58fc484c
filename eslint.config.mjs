// ESLint flat config: typed rules for the extension, tests and webview.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'out-*/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '*.mjs', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './webview/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The layering rule: src/kinesis is plain Node and must never import vscode.
    files: ['src/kinesis/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/kinesis/ must not import vscode: keep it testable in plain Node.' }] }],
    },
  },
  {
    // The glue reaches the Kinesis layer (and the AWS SDK) lazily, through loadKinesis(). Type imports
    // are free; values only from the layer's few SDK-free modules (exactJson: exact numbers in rows and exports). esbuild enforces the same in the
    // bundle (esbuild.mjs: lazy-bundles plugin).
    files: ['src/**/*.ts'],
    ignores: ['src/kinesis/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{
            regex: '^(\\.\\.?/)+kinesis/(?!(errors|types|plural|tail/position|tail/timestamp|decode/exactJson)$)',
            allowTypeImports: true,
            message: 'Values of the Kinesis layer come through loadKinesis() (services.kinesis()); only errors, types, plural, tail/position, tail/timestamp and decode/exactJson may be imported directly.',
          }],
        },
      ],
    },
  },
  {
    // The webview is a browser bundle: it may reach into src/ only through src/tail/shared (pure
    // modules both sides use), never the host, the Kinesis layer or vscode.
    files: ['webview/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser; talk to the host through messages.' }],
          patterns: [{ regex: '^(\\.\\./)+src/(?!tail/shared/)', message: 'webview/ may import only src/tail/shared/ from the extension sources.' }],
        },
      ],
    },
  },
);
