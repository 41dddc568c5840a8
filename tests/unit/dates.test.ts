import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isoDay, lastDayAfterMonths, monthsBetween, shiftDay } from "~/domain/dates";

// The one dates module (docs/decisions/017-clock.md): calendar days in UTC, month arithmetic, no wall clock.

describe("calendar days", () => {
  it("today is the UTC day of the clock's instant", () => {
    expect(isoDay(new Date("2026-03-31T23:59:59.999Z"))).toBe("2026-03-31");
    expect(isoDay(new Date("2026-04-01T00:00:00+07:00"))).toBe("2026-03-31"); // midnight in Jakarta is still yesterday in UTC
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 0)).toBe("2026-03-29");
  });

  it("adds months, keeping to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-05-31", -3)).toBe("2026-02-28");
    expect(addMonths("2026-01-10", 60)).toBe("2031-01-10");
  });

  it("a contract's last day: the day before the same date, or the short month's last day", () => {
    expect(lastDayAfterMonths("2026-01-15", 1)).toBe("2026-02-14");
    expect(lastDayAfterMonths("2026-01-01", 12)).toBe("2026-12-31");
    expect(lastDayAfterMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(lastDayAfterMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(lastDayAfterMonths("2026-01-30", 1)).toBe("2026-02-28");
    expect(lastDayAfterMonths("2026-02-28", 1)).toBe("2026-03-27");
  });

  it("shifts by years the way the input windows count (29 February + 1 year is 1 March)", () => {
    expect(shiftDay("2028-02-29", { years: 1 })).toBe("2029-03-01");
    expect(shiftDay("2028-02-29", { years: 4 })).toBe("2032-02-29");
    expect(shiftDay("2026-06-15", { years: -18, days: 1 })).toBe("2008-06-16");
    expect(shiftDay("2026-06-15")).toBe("2026-06-15");
  });

  it("counts days and (average) months between days", () => {
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
    expect(daysBetween("2026-03-01T23:00:00Z", "2026-03-02")).toBe(1); // timestamps count by their date
    expect(monthsBetween("2026-01-01", "2026-01-01")).toBe(0);
    expect(monthsBetween("2026-01-01", "2030-01-01")).toBe(48); // 1461 days: four average years
    expect(monthsBetween("2026-02-01", "2026-03-01")).toBeCloseTo(28 / 30.4375, 10);
    expect(monthsBetween("2026-03-01", "2026-02-01")).toBeLessThan(0);
  });
});
