// Calendar days and month arithmetic, in one place (docs/decisions/017-clock.md). Pure: every function takes the
// dates it works on; "today" comes from the injected clock (`deps.now()`), never from the wall clock here.

/** A calendar day, YYYY-MM-DD (UTC: licences, contracts and certificates are calendar days, not instants). */
export type IsoDay = string;

/** The calendar day (UTC) of an instant: `isoDay(deps.now())` is "today". */
export function isoDay(at: Date): IsoDay {
  return at.toISOString().slice(0, 10);
}

const parse = (day: IsoDay) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

/** `day` plus `days` (negative: earlier). */
export function addDays(day: IsoDay, days: number): IsoDay {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** The same day `months` later, or the month's last day when it is shorter (31 January + 1 month → 28/29 February). */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const d = parse(day);
  const dom = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dom, last));
  return isoDay(d);
}

/**
 * `day` shifted by whole years and days, the way the input windows count (010-input-limits.md): 29 February + 1
 * year is 1 March (the day overflows), unlike addMonths, which keeps to the month's last day.
 */
export function shiftDay(day: IsoDay, shift: { years?: number; days?: number } = {}): IsoDay {
  const d = parse(day);
  return isoDay(
    new Date(Date.UTC(d.getUTCFullYear() + (shift.years ?? 0), d.getUTCMonth(), d.getUTCDate() + (shift.days ?? 0))),
  );
}

/** Days since 1970-01-01 of a day (an ISO timestamp counts by its date part). */
export const dayNumber = (day: IsoDay): number => Math.round(parse(day).getTime() / 86_400_000);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDay, to: IsoDay): number => dayNumber(to) - dayNumber(from);

/** The average Gregorian month, in days: ages and headrooms are measured in it, not in calendar months. */
export const AVERAGE_MONTH_DAYS = 30.4375;

/** Months (fractional, average length) from `from` to `to`; `days` is the day difference when already known. */
export const monthsBetween = (from: IsoDay, to: IsoDay): number => daysBetween(from, to) / AVERAGE_MONTH_DAYS;

/** The contract's last day: the day before the same date `months` later; or that month's last day when it is too short for the start's day (31 January + 1 month ends on 28 February, not the day before it). */
export function lastDayAfterMonths(start: IsoDay, months: number): IsoDay {
  const same = addMonths(start, months);
  return same.slice(8) < start.slice(8) ? same : addDays(same, -1);
}
