/**
 * The boundaries of docs/architecture.md, checked in CI (`npm run lint:deps`). Each rule names the folder it
 * guards and why; `reachable` rules follow imports all the way down, so a boundary cannot be crossed through
 * a helper module.
 */
const MARKETPLACES = '(aliexpress|taobao|yandex-market)';

module.exports = {
  forbidden: [
    {
      name: 'readers-are-pure',
      comment: 'Page readers are pure functions of a page: no browser API, no database, nothing of the extension around them.',
      severity: 'error',
      from: { path: '^lib/readers/' },
      to: { path: ['^wxt/browser', 'webextension-polyfill', '^lib/(cases|capture|content|messaging|deadlines|dossier|backup|letters|settings|cli)/', '^components/', '^entrypoints/'] },
    },
    {
      name: 'content-stays-small',
      comment: 'What runs in a marketplace page carries no database, no screens, no dossier or backup code (its size is budgeted too).',
      severity: 'error',
      from: { path: ['^lib/content/', '^entrypoints/[^/]+\\.content\\.ts$'] },
      to: { path: ['^lib/(cases|dossier|backup|letters|capture|deadlines|cli)/', '^components/', '^node_modules/dexie'], reachable: true },
    },
    {
      name: 'content-reads-its-own-marketplace',
      comment: "A marketplace's content script holds its own reader only.",
      severity: 'error',
      from: { path: `^entrypoints/${MARKETPLACES}\\.content\\.ts$` },
      to: { path: `^lib/readers/${MARKETPLACES}/`, pathNot: '^lib/readers/$1/', reachable: true },
    },
    {
      name: 'readers-run-only-in-content-and-cli',
      comment:
        "The background and the extension's pages only ask what a URL is (lib/readers/addresses.ts and each marketplace's addresses.ts) and read a marketplace's data files (its dated selectors and endpoints): the readers themselves run in the page (and in the CLI), so no other bundle carries them.",
      severity: 'error',
      from: { path: ['^lib/', '^components/', '^entrypoints/'], pathNot: ['^lib/readers/', '^lib/content/', '^lib/cli/', '^entrypoints/[^/]+\\.content\\.ts$', '^entrypoints/chat-box\\.ts$'] },
      to: { path: ['^lib/readers/index\\.ts$', `^lib/readers/${MARKETPLACES}/`], pathNot: `^lib/readers/${MARKETPLACES}/(addresses|selectors|endpoints)\\.ts$`, reachable: true },
    },
    {
      name: 'only-cases-opens-the-database',
      comment: 'lib/cases is the one owner of IndexedDB: everything else calls its functions.',
      severity: 'error',
      from: { pathNot: ['^lib/cases/', '^tests/', '^scripts/'] },
      to: { path: '^node_modules/dexie' },
    },
    {
      name: 'only-cases-sees-the-database-object',
      comment:
        'Pages, components and other features call the data module (lib/cases) by what they need; they never open the Dexie database. It is opened in two places: the background (its entry and its router) and the pages (components/shared/page-database.ts), each connecting the deadline check.',
      severity: 'error',
      from: { pathNot: ['^lib/cases/', '^tests/', '^scripts/', '^entrypoints/background\\.ts$', '^lib/messaging/background-router\\.ts$', '^lib/capture/menu-and-shortcut-listeners\\.ts$', '^components/shared/page-database\\.ts$'] },
      to: { path: '^lib/cases/db\\.ts$' },
    },
    {
      name: 'node-only-in-cli',
      comment: "Node's own modules belong to lib/cli (and scripts, tests): browser code must build without them.",
      severity: 'error',
      from: { path: ['^lib/', '^components/', '^entrypoints/'], pathNot: '^lib/cli/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cli-is-not-imported-by-the-extension',
      comment: 'The command-line tools may use everything; the extension uses none of them.',
      severity: 'error',
      from: { path: ['^lib/', '^components/', '^entrypoints/'], pathNot: '^lib/cli/' },
      to: { path: '^lib/cli/' },
    },
    {
      name: 'lib-is-not-ui',
      comment: 'Domain modules do not import screens.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: ['^components/', '^entrypoints/'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.output', '^\\.wxt', '^node_modules'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // WXT's '@/' alias (.wxt/tsconfig.json has no baseUrl, which the resolver needs): the repository root.
    webpackConfig: { fileName: '.dependency-cruiser.webpack.cjs' },
    // Type-only imports are erased by the compiler: they carry no code into a bundle and no dependency at run time.
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
  },
};
