import { normaliseCode } from "~/domain/job-orders/verification-code";
import { addDays, isoDay } from "~/domain/dates";
import { findByVerificationCode, listEvents } from "~db/job-orders";
import type { Deps } from "../deps.server";

export type CodeCheck =
  | { found: false; code: string }
  | {
      found: true;
      code: string;
      /** the state as the public should read it: a verified order past its validity is expired even before the hourly sweep */
      state: "current" | "filled" | "closed" | "expired" | "revoked";
      changedOn: string | null;
      revokedBy: string | null;
      order: {
        reference: string;
        title: string;
        iscoCode: string;
        sector: string;
        country: string;
        city: string | null;
        positions: number;
        positionsFilled: number;
        wageAmount: number;
        wageCurrency: string;
        wagePeriod: string;
        contractMonths: number;
        startDate: string;
        employerName: string;
        employerCountry: string | null;
        missionName: string | null;
        verifiedAt: Date | null;
        validUntil: string | null;
      };
    };

/** The public check a worker or their family runs on an offer's code. */
export async function checkVerificationCode(deps: Deps, raw: string): Promise<CodeCheck> {
  const code = normaliseCode(raw);
  if (!code) return { found: false, code: raw.slice(0, 20) };
  const row = await findByVerificationCode(deps.db, code);
  if (!row) return { found: false, code };
  const today = isoDay(deps.now());
  const state =
    row.status === "revoked"
      ? "revoked"
      : row.status === "filled"
        ? "filled"
        : row.status === "closed"
          ? "closed"
          : row.status === "expired" || (row.valid_until !== null && row.valid_until < today)
            ? "expired"
            : "current";
  let revokedBy: string | null = null;
  if (state === "revoked") {
    const ev = (await listEvents(deps.db, row.id)).find((e) => e.action === "revoked");
    revokedBy = ev?.orgName ?? null;
  }
  // "Expired on" is the first day the order is no longer valid, whether or not the hourly sweep has run yet.
  const changedOn =
    state === "current"
      ? null
      : state === "expired" && row.valid_until
        ? addDays(row.valid_until, 1)
        : isoDay(row.status_changed_at);
  const c = row.content;
  return {
    found: true,
    code,
    state,
    changedOn,
    revokedBy,
    order: {
      reference: row.reference,
      title: row.title,
      iscoCode: row.isco_code,
      sector: row.sector,
      country: row.country,
      city: c.city ?? null,
      positions: row.positions,
      positionsFilled: row.positions_filled,
      wageAmount: c.wageAmount,
      wageCurrency: c.wageCurrency,
      wagePeriod: c.wagePeriod,
      contractMonths: c.contractMonths,
      startDate: c.startDate,
      employerName: row.employer_name,
      employerCountry: row.employer_country,
      missionName: row.mission_name,
      verifiedAt: row.verified_at,
      validUntil: row.valid_until,
    },
  };
}
