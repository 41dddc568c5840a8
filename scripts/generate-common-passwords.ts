// Writes data/common-passwords.txt (committed; re-run only to refresh it): the 10,000 most common passwords of
// @zxcvbn-ts/language-common's ranked list, plus every later entry of at least 10 characters (the shortest
// password Jembatan accepts), lower-cased, one per line, most common first.
//   npx tsx scripts/generate-common-passwords.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { dictionary } from "@zxcvbn-ts/language-common";

const ranked = dictionary["passwords-common"];
const seen = new Set<string>();
const lines: string[] = [];
ranked.forEach((p, rank) => {
  const word = p.toLowerCase();
  if ((rank < 10_000 || word.length >= 10) && !seen.has(word)) {
    seen.add(word);
    lines.push(word);
  }
});
const out = path.resolve(import.meta.dirname, "../data/common-passwords.txt");
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length} passwords → ${path.relative(process.cwd(), out)}`);
