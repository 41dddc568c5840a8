import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError } from "~/domain/errors";

// A new password must not be on the shipped list of common passwords (data/common-passwords.txt, made by
// scripts/generate-common-passwords.ts) and must score at least MIN_SCORE (of 0–4) with zxcvbn-ts, given what
// the form knows about the person (email, name, organisation). Both load on first use, on the server only:
// this module is *.server.ts, so neither the list nor zxcvbn's dictionaries reach the browser bundle.

export const MIN_SCORE = 3;

type Zxcvbn = {
  check(password: string, userInputs?: string[]): { score: number; sequence: { dictionaryName?: string }[] };
};

let common: Promise<Set<string>> | undefined;
let zxcvbn: Promise<Zxcvbn> | undefined;

/** The project root: the nearest folder above this file (sources) or the bundle (build/) that holds the list. */
function listPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "data", "common-passwords.txt");
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error("data/common-passwords.txt not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function commonPasswords(): Promise<Set<string>> {
  common ??= readFile(listPath(), "utf8").then((text) => new Set(text.split("\n").filter(Boolean)));
  return common;
}

function estimator(): Promise<Zxcvbn> {
  zxcvbn ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, lang]) =>
      new core.ZxcvbnFactory({ dictionary: { ...lang.dictionary }, graphs: lang.adjacencyGraphs }) as Zxcvbn,
  );
  return zxcvbn;
}

/**
 * The words a guesser would try first for this person: the email, its parts, the name and the organisation —
 * and the site's own name.
 */
export function personalWords(...facts: (string | undefined | null)[]): string[] {
  const words = new Set<string>(["jembatan"]);
  for (const f of facts) {
    if (!f) continue;
    const v = f.trim().toLowerCase();
    if (v.length < 3) continue;
    words.add(v);
    for (const part of v.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Throws an "invalid" domain error on the `password` field unless the password is strong enough. */
export async function assertStrongPassword(password: string, userInputs: string[]): Promise<void> {
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) throw weak("errors.password_common");
  if (userInputs.some((w) => w.length >= 4 && lower.includes(w))) throw weak("errors.password_personal");
  const result = (await estimator()).check(password, userInputs);
  if (result.score >= MIN_SCORE) return;
  throw weak(
    result.sequence.some((m) => m.dictionaryName === "userInputs")
      ? "errors.password_personal"
      : "errors.password_weak",
  );
}

const weak = (key: string) => new DomainError("invalid", "errors.form_has_errors", { password: key });
