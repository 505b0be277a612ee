/**
 * Which folder of src/ may import which (decision 018). `npm run deps` checks it; CI runs it before
 * the tests, so an import that goes the wrong way fails the build.
 *
 * Layers, lowest first. A layer may import itself and the layers listed after `may`; nothing else
 * under src/. Type-only imports count: a type is a dependency too.
 */
const layers = [
  {
    name: "kernel",
    what: "configuration, logging, the text rule, dictionaries, the database, the page shell, mail, work in slices",
    path: "^src/(config|log|paths|slices)\\.ts$|^src/(text|i18n|db|ui|mail)/",
    may: [],
  },
  { name: "policy", what: "who may do what", path: "^src/policy/", may: ["kernel"] },
  {
    name: "frameworks",
    what: "the live framework: rows, tree, item state, diffs, change records, CASE rows",
    path: "^src/frameworks/",
    may: ["kernel", "policy"],
  },
  {
    name: "editions",
    what: "published editions: snapshots, their store, provenance, the readers' catalog",
    path: "^src/editions/",
    may: ["kernel", "policy", "frameworks"],
  },
  {
    name: "context",
    what: "what a request handler reaches through c.var",
    path: "^src/app-env\\.ts$",
    may: ["kernel", "policy", "frameworks", "editions"],
  },
  {
    name: "security",
    what: "request protections and the security log",
    path: "^src/security/",
    may: ["kernel", "policy", "context"],
  },
  {
    name: "search",
    what: "the search engine and its page",
    path: "^src/search/",
    may: ["kernel", "policy", "frameworks", "editions", "context"],
  },
  {
    name: "api",
    what: "the read-only JSON API",
    path: "^src/api/",
    may: ["kernel", "policy", "frameworks", "editions", "context", "search"],
  },
  {
    name: "index",
    what: "the public pages",
    path: "^src/index/",
    may: ["kernel", "policy", "frameworks", "editions", "context"],
  },
  {
    name: "adoption",
    what: "adopted frameworks: upstream changes, three-way merge",
    path: "^src/adoption/",
    may: ["kernel", "policy", "frameworks", "editions"],
  },
  {
    name: "editor",
    what: "authoring: drafts, commands, publishing, history",
    path: "^src/editor/",
    may: ["kernel", "policy", "frameworks", "editions", "context", "security", "search", "adoption"],
  },
  {
    name: "auth",
    what: "accounts and sign-in",
    path: "^src/auth/",
    may: ["kernel", "policy", "context", "security"],
  },
  {
    name: "people",
    what: "organisations, units, people, manager lines, invitations, single sign-on, privacy",
    path: "^src/people/",
    may: ["kernel", "policy", "context", "security", "auth"],
  },
  {
    name: "content",
    what: "the starter framework: files, schema, loading",
    path: "^src/content/",
    may: ["kernel", "policy", "frameworks", "editions", "editor"],
  },
  {
    name: "profiles",
    what: "proficiency scales, job profiles, their documents and postings",
    path: "^src/profiles/",
    may: ["kernel", "policy", "frameworks", "editions", "context", "security", "search", "auth", "people", "content"],
  },
  {
    name: "assessments",
    what: "review cycles, self-assessment, manager review, evidence, reminders",
    path: "^src/assessments/",
    may: ["kernel", "policy", "frameworks", "editions", "context", "security", "auth", "people", "profiles"],
  },
  {
    name: "insights",
    what: "gaps, training priorities, small-group suppression, learning resources, development plans",
    path: "^src/insights/",
    may: [
      "kernel",
      "policy",
      "frameworks",
      "editions",
      "context",
      "security",
      "auth",
      "people",
      "profiles",
      "assessments",
    ],
  },
  {
    name: "interop",
    what: "CASE, spreadsheets, pasted text: import and export",
    path: "^src/interop/",
    may: ["kernel", "policy", "frameworks", "editions", "context", "security", "api", "editor", "profiles"],
  },
  {
    name: "ops",
    what: "operations: health probes, metrics, backup and restore",
    path: "^src/ops/",
    may: ["kernel", "policy", "frameworks", "editions", "context"],
  },
  {
    name: "app",
    what: "composition: the app, start-up, the server, the command line",
    path: "^src/(app\\.tsx|boot\\.ts|server\\.ts|bench-routes\\.ts)$|^src/cli/",
    may: [
      "kernel",
      "policy",
      "frameworks",
      "editions",
      "context",
      "security",
      "search",
      "api",
      "index",
      "adoption",
      "editor",
      "auth",
      "people",
      "content",
      "profiles",
      "assessments",
      "insights",
      "interop",
      "ops",
    ],
  },
];

const byName = new Map(layers.map((layer) => [layer.name, layer]));
for (const layer of layers)
  for (const lower of layer.may) if (!byName.has(lower)) throw new Error(`${layer.name}: unknown layer ${lower}`);

const layerRules = layers.map((layer) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} (${layer.what}) may import only ${layer.may.length ? layer.may.join(", ") : "the kernel itself"}`,
  severity: "error",
  from: { path: layer.path },
  to: { path: "^src/", pathNot: [layer.path, ...layer.may.map((name) => byName.get(name).path)] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "unlayered",
      comment: "every file under src/ belongs to a layer: add a new folder to the table above",
      severity: "error",
      from: { path: "^src/", pathNot: layers.map((layer) => layer.path) },
      to: {},
    },
    {
      name: "no-circular",
      comment: "no import cycles, not even through type-only imports",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "migrations-frozen",
      comment: "a migration is history: it imports kysely, node's modules and its own frozen helpers only",
      severity: "error",
      from: { path: "^src/db/migrations/" },
      to: { pathNot: ["^src/db/migrations/", "^node_modules/kysely/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "wizard-is-web-only",
      comment: "the import wizard is a web front end: the CLI and other capabilities call interop's own functions",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/interop/wizard/", "^src/app\\.tsx$"] },
      to: { path: "^src/interop/wizard/" },
    },
    {
      name: "commands-not-views",
      comment: "editor commands change data; routes and views call them, never the other way",
      severity: "error",
      from: { path: "^src/editor/commands/" },
      to: { path: "^src/editor/(routes|views)/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that resolves to nothing",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-dev-dep",
      comment: "the app does not load devDependencies (they are absent in a production install)",
      severity: "error",
      // The exceptions: worker-boot.mjs and index-worker-boot.mjs register tsx in the upload parser's
      // and the search indexer's worker threads, and run only when the TypeScript sources run
      // directly (tests, `npm run dev`), where tsx is installed; the compiled app starts
      // dist/parse-worker.js and dist/index-worker.js instead (scripts/build.mjs).
      from: { path: "^src/", pathNot: "^src/(interop/guarded/worker-boot|search/index-worker-boot)\\.mjs$" },
      to: { dependencyTypes: ["npm-dev"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
