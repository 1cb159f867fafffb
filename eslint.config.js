import js from '@eslint/js';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';
import layers from './utils/layers.json' with { type: 'json' };

/**
 * The layers (README, "Architecture"). Imports between folders go by their `@/` path, so these
 * rules see every one of them:
 * - the platform (`utils/platform/`), schemas, sites and money know no feature;
 * - a feature imports the platform, schemas, sites, money and shared components, and another
 *   feature only through its public `index.ts`;
 * - only background parts (`*.background.ts`, `entrypoints/background/`) and stores (`store.ts`)
 *   open the database; UI gets data through its feature's store.
 */
const FEATURES = layers.features;
const featureAlt = FEATURES.join('|');
const CLIMB = { regex: '^\\.\\./', message: 'Import another folder by its @/ path, so the layer rules see it.' };
const DB = {
  regex: '^@/utils/platform/db$',
  message: 'Only background parts (*.background.ts) and stores (store.ts) open the database; use the feature’s store.',
};
const NO_FEATURE = {
  regex: `^@/(utils/(${featureAlt})(/|$)|entrypoints/)`,
  message: 'The platform, schemas, sites, money and shared components know no feature.',
};
const ENTRYPOINTS = { regex: '^@/entrypoints/', message: 'Entrypoints start features; nothing imports them.' };
const ONLY = (allowed, what) => ({
  regex: `^@/(?!utils/(${allowed})(/|$))`,
  message: `${what} import only ${allowed.split('|').join(', ')}.`,
});
/** Another feature's internals: only `@/utils/<other>` (its index.ts) is public. */
const otherFeature = (feature) => ({
  regex: `^@/utils/(${FEATURES.filter((f) => f !== feature).join('|')})/`,
  message: 'Another feature is reached through its public module (@/utils/<feature>), never its files.',
});
const restrict = (...patterns) => ['error', { patterns }];
const dbFiles = ['**/*.background.ts', '**/store.ts', 'entrypoints/background/**'];
const layerRules = [
  {
    files: ['utils/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(CLIMB, DB, ENTRYPOINTS) },
  },
  {
    files: ['utils/platform/**', 'components/**'],
    rules: { 'no-restricted-imports': restrict(CLIMB, DB, NO_FEATURE) },
  },
  { files: ['utils/schema/**'], rules: { 'no-restricted-imports': restrict(CLIMB, ONLY('schema', 'Schemas')) } },
  { files: ['utils/money/**'], rules: { 'no-restricted-imports': restrict(CLIMB, ONLY('money|schema', 'Money')) } },
  {
    files: ['utils/sites/**'],
    rules: { 'no-restricted-imports': restrict(CLIMB, ONLY('sites|money|schema|platform/ui/ours', 'Site modules')) },
  },
  ...FEATURES.map((feature) => ({
    files: [`utils/${feature}/**`],
    rules: { 'no-restricted-imports': restrict(CLIMB, DB, ENTRYPOINTS, otherFeature(feature)) },
  })),
  // Last, so it wins: the database is theirs to open (the platform's db is the exception that defines it).
  ...[['utils/platform/db/**'], dbFiles].map((files) => ({
    files,
    rules: { 'no-restricted-imports': restrict(CLIMB, ENTRYPOINTS) },
  })),
  // A feature's background parts and store still reach other features only through their index.ts.
  ...FEATURES.map((feature) => ({
    files: [`utils/${feature}/**/*.background.ts`, `utils/${feature}/**/store.ts`],
    rules: { 'no-restricted-imports': restrict(CLIMB, ENTRYPOINTS, otherFeature(feature)) },
  })),
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'tests/fixtures/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page text and templates stay text: never render HTML from data.',
        },
      ],
    },
  },
  ...layerRules,
  {
    // Plain JS config files are outside the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
