// Picking and packing the test cases `scripts/test-alone.ts` runs alone. Pure, so it is reproducible from a seed.
import { prng } from "./generate-workers";

export interface TestCase {
  file: string;
  /** The full name as vitest matches `-t` against it: describe names and the test's, joined by spaces. */
  name: string;
}

/** A small seeded generator (mulberry32, the demo data's own): the same seed picks the same sample on any machine. */
export const seededRandom: (seed: number) => () => number = prng;

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An anchored `-t` pattern matching exactly these full names. */
export const namePattern = (names: string[]) => `^(${names.map(escapeRegExp).join("|")})$`;

/**
 * Packs cases into runs (one vitest process each) holding at most one case per file, so within its file every case
 * runs alone; a case joins a run only if the run's pattern then still selects exactly one case in each of its files.
 */
export function packRuns(cases: TestCase[], all: TestCase[]): TestCase[][] {
  const runs: TestCase[][] = [];
  const selectsExactlyTheChosen = (run: TestCase[]) => {
    const re = new RegExp(namePattern(run.map((c) => c.name)));
    const files = new Set(run.map((c) => c.file));
    return all.filter((c) => files.has(c.file) && re.test(c.name)).length === run.length;
  };
  for (const c of cases) {
    const run = runs.find((r) => !r.some((o) => o.file === c.file) && selectsExactlyTheChosen([...r, c]));
    if (run) run.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** `count` random cases from as many files as possible, plus the given files' cases (all, or `perFile` of them when given). */
export function sampleCases(
  all: TestCase[],
  opts: { count: number; files: { file: string; perFile?: number }[]; random: () => number },
): TestCase[] {
  const chosen = new Map<string, TestCase>();
  const key = (c: TestCase) => `${c.file}\0${c.name}`;
  for (const f of opts.files) {
    const own = all.filter((c) => c.file === f.file);
    if (own.length === 0) throw new Error(`no test cases found in ${f.file}`);
    for (const c of shuffled(own, opts.random).slice(0, f.perFile ?? own.length)) chosen.set(key(c), c);
  }
  // one case from each of `count` random files (then round again), so one file with hundreds of generated cases
  // does not take the whole sample
  const byFile = new Map<string, TestCase[]>();
  for (const c of shuffled(
    all.filter((c) => !chosen.has(key(c))),
    opts.random,
  ))
    byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const queues = shuffled([...byFile.values()], opts.random);
  for (let n = 0; n < opts.count && queues.some((q) => q.length);) {
    for (const q of queues) {
      const c = q.shift();
      if (!c || n >= opts.count) continue;
      chosen.set(key(c), c);
      n++;
    }
  }
  return [...chosen.values()];
}
