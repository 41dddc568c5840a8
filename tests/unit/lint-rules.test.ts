import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The structural rules of .config/eslint.config.js fail the build where they should and only there: each case lints
// a snippet as if it were the named file and reads which rules fired.

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, ".config/eslint.config.js") });

async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? "fatal");
}

describe("lint rules that keep the structure", () => {
  it("refuse Meilisearch outside search/, and allow it there", async () => {
    const code = 'import { Meilisearch } from "meilisearch";\nexport const c = Meilisearch;\n';
    expect(await rulesFired("app/services/booth/x.server.ts", code)).toContain("no-restricted-imports");
    expect(await rulesFired("scripts/x.ts", code)).toContain("no-restricted-imports");
    expect(await rulesFired("search/engine.ts", code)).not.toContain("no-restricted-imports");
  });

  it("refuse the wall clock in app/, db/ and search/ outside the clock's homes", async () => {
    for (const file of ["app/domain/booth/x.ts", "db/x.ts", "search/x.ts", "app/routes/x.tsx"]) {
      expect(await rulesFired(file, "export const t = Date.now();\n")).toContain("no-restricted-syntax");
      expect(await rulesFired(file, "export const t = new Date();\n")).toContain("no-restricted-syntax");
    }
    expect(await rulesFired("app/domain/x.ts", 'export const t = new Date("2026-12-03");\n')).not.toContain(
      "no-restricted-syntax",
    );
  });

  it("refuse a guard defined outside the guards module", async () => {
    const code = "export function requireBoothStaff(x: { orgKind: string }) {\n  return x;\n}\n";
    expect(await rulesFired("app/services/booth/x.server.ts", code)).toContain("no-restricted-syntax");
    expect(await rulesFired("app/services/guards.server.ts", code)).not.toContain("no-restricted-syntax");
  });

  it("refuse SQL outside db/", async () => {
    const code = 'export const f = (db: any) => db.selectFrom("workers").selectAll().execute();\n';
    expect(await rulesFired("app/services/booth/x.server.ts", code)).toContain("no-restricted-syntax");
    expect(await rulesFired("db/x.ts", code)).not.toContain("no-restricted-syntax");
  });

  it("refuse a route importing db/ or search/ (routes → web → services → (db, search) → domain)", async () => {
    const code = 'import { createDb } from "~db/client";\nexport const d = createDb;\n';
    expect(await rulesFired("app/routes/x.tsx", code)).toContain("no-restricted-imports");
    expect(await rulesFired("app/web/x.server.ts", code)).toContain("no-restricted-imports");
  });
});
