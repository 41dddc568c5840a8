import { data } from "@remix-run/node";
import type { z } from "zod";
import { DomainError } from "~/domain/errors";
import { encodeMessage } from "~/i18n/translate";
import { statusOf } from "./errors.server";

// Pages with one small form per row (a shortlist's candidates): the row's fields are parsed with the same zod
// schema as the API, and errors come back for that row only, next to its fields, in the user's language.

export interface RowReply {
  row: string;
  intent: string;
  fields: Record<string, string>;
  message: string | null;
}

/** Parses a row's fields; on failure, the reply to return (status 400) with each field's first error. */
export function parseRow<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  row: string,
  intent: string,
): { ok: true; value: z.infer<S> } | { ok: false; reply: ReturnType<typeof rowReply> } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.map(String).join(".") || "form"] ??= i.message;
  return { ok: false, reply: rowReply({ row, intent, fields, message: null }, 400) };
}

export const rowReply = (reply: RowReply, status: number) => data({ rowReply: reply }, { status });

/** A domain error raised by a row's use case, shown on that row (field errors next to fields). */
export function rowDomainError(e: DomainError, row: string, intent: string) {
  const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, encodeMessage(v, e.params)]));
  return rowReply(
    { row, intent, fields, message: Object.keys(fields).length ? null : encodeMessage(e.messageKey, e.params) },
    statusOf(e),
  );
}

export const isShownOnRow = (e: unknown): e is DomainError =>
  e instanceof DomainError && (e.code === "conflict" || e.code === "invalid");
