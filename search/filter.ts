// Meilisearch filters, built only here. Every value enters a filter through `quoteFilterValue` and every
// attribute name is checked: input concatenated into a filter string breaks the search for any value with a quote
// or a keyword in it, and lets a value rewrite the filter. A `Filter` can only be made by these functions, so a
// query that takes one cannot be handed a hand-built string by mistake.

declare const built: unique symbol;
/** A filter expression made by this module. */
export type Filter = string & { readonly [built]: true };

export type FilterValue = string | number | boolean;
export type Comparison = "=" | "!=" | ">=" | "<=" | ">" | "<";

/**
 * The one way a value enters a filter: a string is double-quoted with `"` and `\` escaped (whatever it holds, it
 * stays one value); a number must be finite and is written in plain decimal notation; a boolean is `true`/`false`.
 */
export function quoteFilterValue(v: FilterValue): string {
  if (typeof v === "string") return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = String(v);
  if (!Number.isFinite(v) || /e/i.test(s)) throw new Error(`not a filter number: ${s}`);
  return s;
}

const ATTRIBUTE = /^[a-z][a-z0-9_]{0,63}$/;

/** An index field name, checked: names are built from reference codes (`lang_en`, `cert_until_stcw_bst`). */
function attribute(name: string): string {
  if (!ATTRIBUTE.test(name)) throw new Error(`not a filterable attribute name: ${JSON.stringify(name)}`);
  return name;
}

const filter = (s: string) => s as Filter;

/** `attribute op value`, e.g. `status = "available"`, `lang_en >= 4`. */
export const where = (name: string, op: Comparison, value: FilterValue): Filter =>
  filter(`${attribute(name)} ${op} ${quoteFilterValue(value)}`);

/** `attribute IN [values]` (an empty list is refused: say what an empty set means where it is built). */
export function whereIn(name: string, values: readonly FilterValue[]): Filter {
  if (values.length === 0) throw new Error(`empty IN list for ${name}`);
  return filter(`${attribute(name)} IN [${values.map(quoteFilterValue).join(", ")}]`);
}

/** All of them (one filter is returned as it is; several are parenthesised, so the result nests safely). */
export function allOf(...filters: readonly Filter[]): Filter {
  if (filters.length === 0) throw new Error("allOf needs at least one filter");
  return filters.length === 1 ? filters[0]! : filter(`(${filters.join(" AND ")})`);
}

export const not = (f: Filter): Filter => filter(`NOT (${f})`);
