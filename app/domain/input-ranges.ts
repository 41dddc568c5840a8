import { z } from "./zod-messages";

// Plausible ranges for dates and amounts (issue 12, item 2; the table per field is in
// docs/decisions/010-input-limits.md). Schemas are shared by the browser and the server and stay pure, so the
// window is measured from the clock at parse time (the request's "today", UTC), as the start date always was.

/** Today in UTC as YYYY-MM-DD, shifted by whole years/days (Feb 29 + 1 year → Mar 1). */
export function isoDayFromToday(shift: { years?: number; days?: number } = {}, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() + (shift.years ?? 0), now.getUTCMonth(), now.getUTCDate() + (shift.days ?? 0)));
  return d.toISOString().slice(0, 10);
}

export interface DateWindow {
  /** earliest day allowed, relative to today */
  from: { years?: number; days?: number };
  /** latest day allowed, relative to today */
  to: { years?: number; days?: number };
  tooEarly: string;
  tooLate: string;
}

/** A calendar day (YYYY-MM-DD, a real date) inside a window around today. */
export function dateWithin(w: DateWindow) {
  return z.iso
    .date({ error: "errors.date_invalid" })
    .refine((d) => d >= isoDayFromToday(w.from), { error: w.tooEarly, abort: true })
    .refine((d) => d <= isoDayFromToday(w.to), { error: w.tooLate, abort: true });
}

/** The largest wage any form takes (per period, in the order's currency; IDR and KRW amounts run to millions). */
export const MAX_AMOUNT = 100_000_000;

/**
 * A money amount in the currency's major unit with at most two decimals (the columns are numeric(14,2): a third
 * decimal would be rounded away silently, and 1e-300 would be stored as 0.00). At least 0.01.
 */
export const amount = () =>
  z
    .number({ error: "errors.number" })
    .refine((v) => Number.isFinite(v) && v > 0, { error: "errors.wage_positive", abort: true })
    .refine((v) => v <= MAX_AMOUNT, { error: "errors.amount_too_large", abort: true })
    .refine((v) => v >= 0.01 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: "errors.amount_cents" });
