// scripts/patches/@remix-run+router+*.patch keeps React Router's ranked branches per route-tree shape and its
// compiled path patterns (the server matched every request four times over ~60 routes). These check that matching
// still answers as the unpatched router does: with the route objects of the array passed in, after a tree changes,
// with optional segments and case sensitivity. The server loads the CommonJS build (the one patched).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

interface R {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: R[];
}
interface Match {
  route: R;
  params: Record<string, string | undefined>;
  pathname: string;
}
const router = createRequire(import.meta.url)("@remix-run/router") as {
  matchRoutes(routes: R[], location: string): Match[] | null;
};

const tree = (): R[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "index", index: true },
      { id: "jobs", path: "jobs" },
      { id: "job", path: "jobs/:ref" },
      {
        id: "orders",
        path: "job-orders",
        children: [
          { id: "orders-index", index: true },
          { id: "order", path: ":id" },
          { id: "new", path: "new" },
        ],
      },
      { id: "lang", path: ":lang?/about" },
      { id: "Case", path: "CaseOnly", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];
const ids = (m: Match[] | null) => m?.map((x) => x.route.id) ?? null;

describe("route matching with kept branches", () => {
  it("ranks static before dynamic segments and picks index routes", () => {
    const routes = tree();
    expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "index"]);
    expect(ids(router.matchRoutes(routes, "/job-orders/new"))).toEqual(["root", "orders", "new"]);
    expect(ids(router.matchRoutes(routes, "/job-orders/42"))).toEqual(["root", "orders", "order"]);
    expect(router.matchRoutes(routes, "/job-orders/42")!.at(-1)!.params).toEqual({ id: "42" });
    expect(ids(router.matchRoutes(routes, "/job-orders"))).toEqual(["root", "orders", "orders-index"]);
    expect(ids(router.matchRoutes(routes, "/jobs/AB-12"))).toEqual(["root", "job"]);
    expect(ids(router.matchRoutes(routes, "/nowhere/at/all"))).toEqual(["root", "splat"]);
  });

  it("answers with the route objects of the array it is given, also when an equal tree was matched before", () => {
    const first = tree();
    const second = tree();
    router.matchRoutes(first, "/jobs");
    const m = router.matchRoutes(second, "/jobs")!;
    expect(m[0]!.route).toBe(second[0]);
    expect(m[1]!.route).toBe(second[0]!.children![1]);
    expect(router.matchRoutes(first, "/jobs")![1]!.route).toBe(first[0]!.children![1]);
  });

  it("sees a tree that changed in place (routes discovered later are added to children)", () => {
    const routes = tree();
    expect(ids(router.matchRoutes(routes, "/job-orders/new/copy"))).toEqual(["root", "splat"]);
    routes[0]!.children![3]!.children!.push({ id: "copy", path: "new/copy" });
    expect(ids(router.matchRoutes(routes, "/job-orders/new/copy"))).toEqual(["root", "orders", "copy"]);
    routes[0]!.children![1]!.path = "vacancies";
    expect(ids(router.matchRoutes(routes, "/vacancies"))).toEqual(["root", "jobs"]);
    expect(ids(router.matchRoutes(routes, "/jobs"))).toEqual(["root", "splat"]);
  });

  it("keeps optional segments and case sensitivity", () => {
    const routes = tree();
    expect(ids(router.matchRoutes(routes, "/about"))).toEqual(["root", "lang"]);
    const withLang = router.matchRoutes(routes, "/id/about")!;
    expect(ids(withLang)).toEqual(["root", "lang"]);
    expect(withLang.at(-1)!.params.lang).toBe("id");
    expect(ids(router.matchRoutes(routes, "/CaseOnly"))).toEqual(["root", "Case"]);
    expect(ids(router.matchRoutes(routes, "/caseonly"))).toEqual(["root", "splat"]);
    expect(ids(router.matchRoutes(routes, "/JOBS"))).toEqual(["root", "jobs"]);
  });

  it("decodes the pathname and keeps params apart between calls", () => {
    const routes = tree();
    const a = router.matchRoutes(routes, "/jobs/caf%C3%A9")!;
    const b = router.matchRoutes(routes, "/jobs/other")!;
    expect(a.at(-1)!.params.ref).toBe("café");
    expect(b.at(-1)!.params.ref).toBe("other");
  });
});
