// ESLint (flat config). `npm run lint` runs it together with the Prettier check and the API type check;
// the Maven build runs `npm run lint` before it builds the page.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Boundaries between features: a feature may use shared/, api/, i18n/, auth/ and layout/, and another feature
 * only through that feature's index.ts (its public surface), never its internals. The shared folders may not
 * reach into any feature.
 */
const featureBoundaries = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`, ...FEATURES.filter((other) => other !== feature).map((other) => `./${other}/index.ts`)],
    message: `Import another feature only through its index.ts; move what several features need to shared/.`,
  })),
  ...['shared', 'api', 'i18n', 'auth', 'layout'].map((folder) => ({
    target: `./src/${folder}`,
    from: './src/features',
    message: `${folder}/ is used by the features and may not depend on one.`,
  })),
];

export default tseslint.config(
  { ignores: ['target/**', 'node_modules/**', 'src/api/schema.d.ts', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.js', '*.config.ts', 'e2e/*.mjs', 'scripts/*.mjs'],
          // the browser scripts grow with the product (default limit 8)
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: featureBoundaries }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-aware rules that catch real bugs: a promise nobody awaits or catches, a promise where a plain
      // callback is expected (an async onClick's error goes nowhere). The no-unsafe-* family of
      // recommendedTypeChecked is left out: bpmn-js, dmn-js and bpmnlint ship no types, so every moddle access
      // would be "unsafe" and need a disable, which hides more than it shows.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Declarations for the bpmn-io libraries, which ship no types: `any` is what they really are.
    files: ['src/types/**/*.d.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Node scripts (browser tests, configs): not part of the typed page.
    files: ['e2e/**/*.mjs', 'scripts/*.mjs', '*.config.{js,ts}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
