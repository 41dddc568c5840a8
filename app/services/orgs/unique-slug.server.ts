import type { Db } from "~db/client";
import { findOrgBySlug } from "~db/orgs";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `org-${base || "new"}`;
}

/** A free slug derived from the name: "acme-cruises", then "acme-cruises-2", … */
export async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findOrgBySlug(db, candidate))) return candidate;
  }
}
