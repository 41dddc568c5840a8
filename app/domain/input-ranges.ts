import { z } from "./zod-messages";
import { shiftDay, type IsoDay } from "./dates";

// Plausible ranges for dates and amounts (the table per field is in
// docs/decisions/010-input-limits.md). Schemas are shared by the browser and the server and stay pure, so the
// window is measured from a "today" the caller passes (the request's, from the injected clock: 017-clock.md).

export interface DateWindow {
  /** earliest day allowed, relative to today */
  from: { years?: number; days?: number };
  /** latest day allowed, relative to today */
  to: { years?: number; days?: number };
  tooEarly: string;
  tooLate: string;
}

/**
 * A calendar day (YYYY-MM-DD, a real date) inside a window around `today`. Without `today` only the format is
 * checked: that is the shape documented in OpenAPI and JSON Schema (which cannot express a window around today),
 * never what a page or the API parses with.
 */
export function dateWithin(w: DateWindow, today: IsoDay | undefined) {
  const day = z.iso.date({ error: "errors.date_invalid" });
  if (today === undefined) return day;
  const from = shiftDay(today, w.from);
  const to = shiftDay(today, w.to);
  return day
    .refine((d) => d >= from, { error: w.tooEarly, abort: true })
    .refine((d) => d <= to, { error: w.tooLate, abort: true });
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
