import { inject } from "vitest";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import type { Deps } from "~/services/deps.server";
import { updateOrg } from "~db/orgs";
import type { Organisation } from "~db/schema";
import { orgWithUser } from "./fixtures";

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function orderInput(patch: Partial<Record<keyof JobOrderInput, unknown>> = {}): Record<string, unknown> {
  return {
    title: "Assistant Waiter",
    iscoCode: "5131",
    sector: "cruise",
    country: "US",
    city: "Miami",
    vesselName: "Aurora Star",
    vesselType: "cruise ship",
    positions: 12,
    wageAmount: 1450,
    wageCurrency: "USD",
    wagePeriod: "month",
    hoursPerWeek: 70,
    restDaysPerWeek: 1,
    annualLeaveDays: 30,
    contractMonths: 8,
    startDate: inAYear(),
    accommodation: "free",
    meals: "free",
    transport: "free",
    insurance: "employer_paid",
    employerPaysPlacementCosts: true,
    languages: [{ code: "en", minLevel: "B1" }],
    certificates: [{ code: "stcw_bst", mandatory: true }],
    minExperienceYears: 1,
    descriptionEn: "Serve guests in the main dining room of a 3,000-passenger ship.",
    ...patch,
  };
}

export interface ApiOrg {
  org: Organisation;
  key: string;
  email: string;
  password: string;
  // API answers are read as loosely as a client would; each test asserts the shape it relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
}

/** An organisation with a user and an API key, and a JSON client acting as it. */
export async function apiOrg(deps: Deps, kind: "employer" | "mission" | "agency" | "ministry", extra: Record<string, unknown> = {}): Promise<ApiOrg> {
  const made = await orgWithUser(deps, kind, { extra });
  if (kind === "employer") {
    await updateOrg(deps.db, made.org.id, { registration_number: "C 12345", address: "1 Harbour Street, Valletta VLT 1000, Malta", contact_email: "hr@example.com", contact_phone: "+356 2122 0000" });
  }
  const { key } = await unsafeCreateApiKey(deps, made.org, "test", { userId: null, label: "test" });
  return {
    org: made.org,
    key,
    email: made.email,
    password: made.password,
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
  };
}
