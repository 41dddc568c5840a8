import { randomInt, randomUUID } from "node:crypto";
import { sql } from "kysely";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { toVacancyQuery } from "~/domain/booth/vacancy-query";
import { addMonths, isoDay, shiftDay } from "~/domain/dates";
import type { JobOrderInput } from "~/domain/job-orders/schema";
import type { en } from "~/i18n/en";
import { translate } from "~/i18n/translate";
import { addCandidates } from "~/services/shortlists/add-candidates.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { saveWorker } from "~/services/workers/save-worker.server";
import { orgWithUser, testDeps } from "../support/fixtures";
import { createEventViaPage, enrolKioskViaPage, enrolmentCodeViaPage, eventForm, leadForm } from "../support/booth";
import { Client, formFields, unique } from "../support/http";
import { apiFor, apiOrg, orderInput, type ApiOrg } from "../support/job-orders";
import { verifiedOrder } from "../support/matching";
import { agencyActor, workerInput } from "../support/workers";

// Issue 12, item 2: hostile input over HTTP, field × payload, on every API route and every form. Each case
// asserts a 4xx (never a 5xx), the field named in the error (API: error.fields[field]; pages: the field's error
// text in the HTML next to that field) and unchanged rows in the tables the request would write.

type Key = keyof typeof en;
const msg = (key: Key, params?: Record<string, string>) => translate("en", key, params);
const base = () => inject("baseUrl");
const deps = testDeps();
const tag = unique("hostile");
const day = (years: number, days = 0) => shiftDay(isoDay(new Date()), { years, days });

/** Text payloads: [label, value, message key]. Lone surrogates only travel in JSON (a form encodes them as U+FFFD). */
const TEXT_PAYLOADS: [string, unknown, Key][] = [
  ["NUL", "Cook\u0000helper", "errors.text_invalid_characters"],
  ["bell", "Cook\u0007", "errors.text_invalid_characters"],
  ["escape sequence", "\u001b[2J Cook", "errors.text_invalid_characters"],
  ["C1 control", "Cook\u0085", "errors.text_invalid_characters"],
  [
    "zero-width spaces only",
    "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b",
    "errors.text_invisible_only",
  ],
  [
    "format characters only",
    "\u2060\ufeff\u00ad\u200e\u200f\u2060\ufeff\u00ad\u200e\u200f\u2060\ufeff\u00ad\u200e\u200f\u2060\ufeff\u00ad\u200e\u200f\u200c\u200d",
    "errors.text_invisible_only",
  ],
  [
    "combining marks only",
    "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030f\u0310\u0311\u0312\u0313\u0314\u0315",
    "errors.text_invisible_only",
  ],
  ["overlong", "x".repeat(6000), "errors.too_long"],
];
const JSON_ONLY_PAYLOADS: [string, unknown, Key][] = [
  ["lone high surrogate", "Cook \ud800", "errors.text_invalid_characters"],
  ["lone low surrogate", "\udc00 Cook", "errors.text_invalid_characters"],
  ["number instead of text", 12345, "errors.invalid"],
  ["object instead of text", { $gt: "" }, "errors.invalid"],
];
const SINGLE_LINE_PAYLOADS: [string, unknown, Key][] = [
  ["newline in a one-line field", "Cook\nhelper", "errors.text_invalid_characters"],
];
const textCases = (fields: { name: string; multiline?: boolean }[], json: boolean) =>
  fields.flatMap((f) =>
    [...TEXT_PAYLOADS, ...(json ? JSON_ONLY_PAYLOADS : []), ...(f.multiline ? [] : SINGLE_LINE_PAYLOADS)].map(
      ([label, value, key]) => ({ field: f.name, label, value, key }),
    ),
  );

/** Everything a request could have written, counted for the organisations of this file. */
let ids: { employer: string; agency: string; mission: string; order: string; entry: string; admin: string } = {
  employer: "",
  agency: "",
  mission: "",
  order: "",
  entry: "",
  admin: "",
};
async function counts() {
  const q = sql<Record<string, number>>`select
    (select count(*) from job_orders where employer_org_id = ${ids.employer})::int as job_orders,
    (select count(*) from job_order_versions v join job_orders o on o.id = v.job_order_id where o.employer_org_id = ${ids.employer})::int as versions,
    (select count(*) from job_order_events e join job_orders o on o.id = e.job_order_id where o.employer_org_id = ${ids.employer} or o.id = ${ids.order})::int as order_events,
    (select count(*) from workers where agency_org_id = ${ids.agency})::int as workers,
    (select count(*) from shortlist_entries where agency_org_id = ${ids.agency})::int as entries,
    (select count(*) from shortlist_notes where entry_id = ${ids.entry || null})::int as notes,
    (select count(*) from shortlist_events where entry_id = ${ids.entry || null})::int as entry_events,
    (select count(*) from api_keys where org_id = ${ids.employer})::int as api_keys,
    (select count(*) from users where email like ${`%${tag}%`})::int as users,
    (select count(*) from organisations where name like ${`%${tag}%`})::int as orgs,
    (select count(*) from events where created_by = ${ids.admin || null})::int as events,
    (select count(*) from kiosk_devices where created_by = ${ids.admin || null})::int as kiosk_devices,
    (select count(*) from kiosk_devices where created_by = ${ids.admin || null} and enrolled_at is not null)::int as kiosks_enrolled,
    (select count(*) from leads l join events e on e.id = l.event_id where e.created_by = ${ids.admin || null})::int as leads,
    (select count(*) from lead_events le join leads l on l.id = le.lead_id join events e on e.id = l.event_id where e.created_by = ${ids.admin || null})::int as lead_events,
    (select count(*) from lead_invitations i join leads l on l.id = i.lead_id join events e on e.id = l.event_id where e.created_by = ${ids.admin || null})::int as lead_invitations,
    (select count(*) from lead_invitations i join leads l on l.id = i.lead_id join events e on e.id = l.event_id where e.created_by = ${ids.admin || null} and (i.accepted_at is not null or i.revoked_at is not null))::int as lead_invitations_spent,
    (select count(*) from booth_handoffs h join events e on e.id = h.event_id where e.created_by = ${ids.admin || null})::int as handoffs,
    (select count(*) from booth_handoffs h join events e on e.id = h.event_id where e.created_by = ${ids.admin || null} and h.lead_id is not null)::int as handoffs_spent`;
  return (await q.execute(deps.db)).rows[0]!;
}
/** The cells of one valid import row (CSV columns), with this external reference. */
const importCells = (ref: string): Record<string, string> => ({
  external_ref: ref,
  full_name: "Siti Aminah",
  date_of_birth: "1995-01-01",
  sex: "female",
  province_code: "33",
  experiences: "cruise:5131:4",
  languages: "en:ielts:6.0",
  available_from: day(0, 30),
});
/** A CSV file of a header and one row, every cell quoted. */
const oneRowCsv = (header: readonly string[], values: Record<string, string>) =>
  `${header.join(",")}\r\n${header.map((h) => `"${values[h]!.replace(/"/g, '""')}"`).join(",")}\r\n`;

async function expectNothingStored<T>(run: () => Promise<T>): Promise<T> {
  const before = await counts();
  const result = await run();
  expect(await counts()).toEqual(before);
  return result;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}
async function send(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null } = {},
): Promise<Answer> {
  const res = await fetch(base() + path, {
    method,
    headers: init.headers,
    body: init.body ?? undefined,
    redirect: "manual",
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json };
}
const api = (key: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(method, `/api/v1${path}`, {
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

function expectApiFieldError(r: Answer, field: string, key: Key) {
  expect(r.status, r.text.slice(0, 300)).toBe(422);
  expect(r.json?.error?.fields?.[field], JSON.stringify(r.json?.error?.fields)).toBe(msg(key));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The page shows `message` in the error element of `field` (conform's `<form>-field-<name>-error`, or a row form's id). */
function expectPageFieldError(html: string, field: string, key: Key) {
  const errorBlocks = [
    ...html.matchAll(new RegExp(`id="[^"]*${escapeRe(field)}-error"[^>]*>([\\s\\S]*?)</div>`, "g")),
  ].map((m) => m[1]);
  expect(errorBlocks.length, `no error element for ${field}`).toBeGreaterThan(0);
  expect(errorBlocks.join(" | ")).toContain(escapeHtml(msg(key)));
}

/** A form body as bytes we control (for %-escapes that URLSearchParams would never produce). */
const formHeaders = (extra: Record<string, string> = {}) => ({
  "Content-Type": "application/x-www-form-urlencoded",
  Origin: base(),
  ...extra,
});

let employer: ApiOrg, agency: ApiOrg, mission: ApiOrg;
let draftId = "";
let submittedId = "";
let made: Awaited<ReturnType<typeof verifiedOrder>>;
let employerPage: Client, agencyPage: Client, adminPage: Client;

beforeAll(async () => {
  [employer, agency] = await Promise.all([apiOrg(deps, "employer"), apiOrg(deps, "agency")]);
  const ministryAdmin = await orgWithUser(deps, "ministry");
  made = await verifiedOrder(deps, { country: "US" });
  mission = await apiFor(deps, made.mission);
  const employerActor = { userId: null, orgId: employer.org.id, orgKind: "employer" as const, role: "admin" as const };
  const draft = await createJobOrder(deps, employerActor, orderInput({ title: `Draft ${tag}` }) as JobOrderInput);
  draftId = draft.id;
  const toSubmit = await createJobOrder(
    deps,
    { ...made.employerActor },
    orderInput({ title: `Submitted ${tag}` }) as JobOrderInput,
  );
  await submitJobOrder(deps, made.employerActor, toSubmit.id);
  submittedId = toSubmit.id;
  const worker = await saveWorker(
    deps,
    agencyActor(agency.org),
    workerInput({
      fullName: `Pekerja ${tag}`,
      nik: Array.from({ length: 16 }, () => randomInt(10)).join(""),
      availableFrom: made.order.start_date,
    }),
  );
  await addCandidates(deps, agencyActor(agency.org), made.order.id, { workerIds: [worker.id] });
  const entry = await deps.db
    .selectFrom("shortlist_entries")
    .select("id")
    .where("worker_id", "=", worker.id)
    .executeTakeFirstOrThrow();
  ids = {
    employer: employer.org.id,
    agency: agency.org.id,
    mission: made.mission.org.id,
    order: made.order.id,
    entry: entry.id,
    admin: ministryAdmin.user.id,
  };
  employerPage = new Client();
  agencyPage = new Client();
  adminPage = new Client();
  await Promise.all([
    employerPage.logIn(employer.email, employer.password),
    agencyPage.logIn(agency.email, agency.password),
    adminPage.logIn(ministryAdmin.email, ministryAdmin.password),
  ]);
});
afterAll(() => deps.db.destroy());

// ---------------------------------------------------------------------------------------------------------- API

describe("API: job orders (POST /api/v1/job-orders, PUT /api/v1/job-orders/:id)", () => {
  const fields = [
    { name: "title" },
    { name: "city" },
    { name: "vesselName" },
    { name: "vesselType" },
    { name: "descriptionEn", multiline: true },
    { name: "descriptionId", multiline: true },
  ];
  it.each(textCases(fields, true))("POST $field: $label", async ({ field, value, key }) => {
    const r = await expectNothingStored(() => api(employer.key, "POST", "/job-orders", orderInput({ [field]: value })));
    expectApiFieldError(r, field, key);
  });
  it.each(textCases(fields.slice(0, 5), true))("PUT $field: $label", async ({ field, value, key }) => {
    const before = await deps.db
      .selectFrom("job_orders")
      .select(["title", "updated_at"])
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    const r = await expectNothingStored(() =>
      api(employer.key, "PUT", `/job-orders/${draftId}`, orderInput({ [field]: value })),
    );
    expectApiFieldError(r, field, key);
    expect(
      await deps.db
        .selectFrom("job_orders")
        .select(["title", "updated_at"])
        .where("id", "=", draftId)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
  });

  const VALUES: [string, unknown, Key][] = [
    ["startDate", "9999-12-31", "errors.start_too_far"],
    ["startDate", day(2, 2), "errors.start_too_far"],
    ["startDate", day(0, -1), "errors.start_in_past"],
    ["startDate", "0001-01-01", "errors.start_in_past"],
    ["startDate", "2027-02-30", "errors.date_invalid"],
    ["startDate", "31/12/2027", "errors.date_invalid"],
    ["startDate", 20271231, "errors.date_invalid"],
    ["wageAmount", 1e-300, "errors.amount_cents"],
    ["wageAmount", 0.001, "errors.amount_cents"],
    ["wageAmount", 1450.555, "errors.amount_cents"],
    ["wageAmount", -1450, "errors.wage_positive"],
    ["wageAmount", 0, "errors.wage_positive"],
    ["wageAmount", 1e12, "errors.amount_too_large"],
    ["wageAmount", "1450", "errors.number"],
    ["wageAmount", null, "errors.number"],
    ["positions", 0, "errors.positions_min"],
    ["positions", 1.5, "errors.whole_number"],
    ["positions", 1e6, "errors.positions_max"],
    ["positions", "12", "errors.whole_number"],
    ["hoursPerWeek", 200, "errors.hours_range"],
    ["contractMonths", 600, "errors.contract_max"],
    ["country", "ID", "errors.destination_abroad"],
    ["country", "ZZ", "errors.country_unknown"],
    ["wageCurrency", "XYZ", "errors.currency_unknown"],
    ["iscoCode", "0000", "errors.isco_unknown"],
    ["employerPaysPlacementCosts", false, "errors.employer_must_pay"],
    ["languages", [{ code: "en", minLevel: "C3" }], "errors.choose_option"],
    ["languages", "en", "errors.invalid"],
  ];
  it.each(VALUES.map(([field, value, key]) => ({ field, value, key, shown: JSON.stringify(value)?.slice(0, 30) })))(
    "POST $field = $shown",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() =>
        api(employer.key, "POST", "/job-orders", orderInput({ [field]: value })),
      );
      const named = field === "languages" && Array.isArray(value) ? "languages.0.minLevel" : field;
      expectApiFieldError(r, named, key);
    },
  );
});

describe("API: verification notes, shortlist notes and moves", () => {
  it.each(textCases([{ name: "note", multiline: true }], true))(
    "POST /job-orders/:id/verification note: $label",
    async ({ value, key }) => {
      const r = await expectNothingStored(() =>
        api(mission.key, "POST", `/job-orders/${submittedId}/verification`, {
          decision: "reject",
          reason: "other",
          note: value,
        }),
      );
      expectApiFieldError(r, "note", key);
      expect(
        (
          await deps.db
            .selectFrom("job_orders")
            .select("status")
            .where("id", "=", submittedId)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe("submitted");
    },
  );
  it.each(textCases([{ name: "body", multiline: true }], true))(
    "POST /shortlist/:entryId/notes body: $label",
    async ({ value, key }) => {
      const r = await expectNothingStored(() =>
        api(agency.key, "POST", `/shortlist/${ids.entry}/notes`, { body: value }),
      );
      expectApiFieldError(r, "body", key);
    },
  );
  it.each([
    ["action", { action: "teleport" }, "errors.choose_option"],
    ["action", { action: 7 }, "errors.choose_option"],
    ["action", {}, "errors.choose_option"],
    ["reason", { action: "withdraw", reason: "\u0000" }, "errors.choose_option"],
  ] as [string, unknown, Key][])("POST /shortlist/:entryId/moves %s %j", async (field, body, key) => {
    const r = await expectNothingStored(() => api(agency.key, "POST", `/shortlist/${ids.entry}/moves`, body));
    expectApiFieldError(r, field, key);
  });
  it.each([
    [{ workerIds: [] }, "workerIds"],
    [{ workerIds: ["not-a-uuid"] }, "workerIds.0"],
    [{ workerIds: ["\u0000"] }, "workerIds.0"],
    [{ workerIds: "x".repeat(5000) }, "workerIds.0"],
    [{ workerIds: [{ a: 1 }] }, "workerIds.0"],
    [{}, "workerIds"],
  ])("POST /job-orders/:id/shortlist %j", async (body, field) => {
    const r = await expectNothingStored(() => api(agency.key, "POST", `/job-orders/${made.order.id}/shortlist`, body));
    expect(r.status).toBe(422);
    expect(r.json.error.fields[field]).toBeTypeOf("string");
  });
});

describe("API: worker import (POST /api/v1/workers/import?mode=all_or_nothing)", () => {
  const row = (patch: Record<string, unknown> = {}) => ({
    ...workerInput({ externalRef: `IMP-${tag}`, nik: undefined, passportNumber: undefined, phone: undefined }),
    ...patch,
  });
  const importRows = (rows: unknown[]) => api(agency.key, "POST", "/workers/import?mode=all_or_nothing", rows);
  const expectRowError = (r: Answer, field: string, key: Key) => {
    expect(r.status, r.text.slice(0, 300)).toBe(422);
    expect(r.json.errors.map((e: { field: string; message: string }) => [e.field, e.message])).toContainEqual([
      field,
      msg(key),
    ]);
    expect(r.json.imported).toBe(0);
  };
  const nested = (field: string, value: unknown) =>
    field === "experiences.0.employer"
      ? { experiences: [{ sector: "cruise", iscoCode: "5131", years: 4, employer: value }] }
      : field === "certificates.0.number"
        ? { certificates: [{ code: "stcw_bst", number: value }] }
        : { [field]: value };
  it.each(
    textCases(
      [
        { name: "fullName" },
        { name: "regency" },
        { name: "experiences.0.employer" },
        { name: "certificates.0.number" },
      ],
      true,
    ),
  )("JSON $field: $label", async ({ field, value, key }) => {
    expectRowError(await expectNothingStored(() => importRows([row(nested(field, value))])), field, key);
  });

  const DATES: [string, unknown, Key][] = [
    ["dateOfBirth", "0001-01-01", "errors.too_old"],
    ["dateOfBirth", "1900-01-01", "errors.too_old"],
    ["dateOfBirth", day(-18, 1), "errors.too_young"],
    ["dateOfBirth", "9999-12-31", "errors.too_young"],
    ["dateOfBirth", "1996-02-30", "errors.date_invalid"],
    ["dateOfBirth", 19960412, "errors.date_invalid"],
    ["availableFrom", "9999-12-31", "errors.available_from_range"],
    ["availableFrom", "1990-01-01", "errors.available_from_range"],
    ["passportExpiry", "2200-01-01", "errors.passport_expiry_range"],
    ["passportExpiry", "1970-01-01", "errors.passport_expiry_range"],
  ];
  it.each(DATES)("JSON %s = %j", async (field, value, key) => {
    expectRowError(await expectNothingStored(() => importRows([row({ [field]: value })])), field, key);
  });
  const NESTED_DATES: [string, Record<string, unknown>, Key][] = [
    [
      "languages.0.takenOn",
      { languages: [{ code: "en", kind: "ielts", score: 6, takenOn: day(0, 10) }] },
      "errors.taken_on_range",
    ],
    ["certificates.0.issuedOn", { certificates: [{ code: "stcw_bst", issuedOn: day(1) }] }, "errors.issued_on_range"],
    [
      "certificates.0.expiresOn",
      { certificates: [{ code: "stcw_bst", expiresOn: "9999-12-31" }] },
      "errors.expires_on_range",
    ],
  ];
  it.each(NESTED_DATES)("JSON %s out of range", async (field, patch, key) => {
    expectRowError(await expectNothingStored(() => importRows([row(patch)])), field, key);
  });

  const SCORES: [Record<string, unknown>, string, Key][] = [
    [{ kind: "ielts", score: 9.5 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts", score: 99 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts", score: -1 }, "score", "errors.score_scale_ielts"],
    [{ kind: "ielts", score: 6.25 }, "score", "errors.score_scale_ielts"],
    [{ kind: "toefl_ibt_120", score: 121 }, "score", "errors.score_scale_toefl_ibt_120"],
    [{ kind: "toefl_ibt_120", score: 99.5 }, "score", "errors.score_scale_toefl_ibt_120"],
    [{ kind: "toefl_ibt_6", score: 7 }, "score", "errors.score_scale_toefl_ibt_6"],
    [{ kind: "toeic", score: 995 }, "score", "errors.score_scale_toeic"],
    [{ kind: "jlpt", level: "N6" }, "level", "errors.level_scale_jlpt"],
    [{ kind: "jlpt", level: "N3", score: 200 }, "score", "errors.score_scale_jlpt"],
    [{ kind: "jft_basic", score: 300 }, "score", "errors.score_scale_jft_basic"],
    [{ kind: "topik", level: "7" }, "level", "errors.level_scale_topik"],
    [{ kind: "hsk", level: "0" }, "level", "errors.level_scale_hsk"],
    [{ kind: "testdaf", level: "2" }, "level", "errors.level_scale_testdaf"],
    [{ kind: "cefr", level: "D1" }, "level", "errors.level_scale_cefr"],
    [{ kind: "ielts", score: "6.5" }, "score", "errors.number"],
  ];
  it.each(SCORES)("JSON language evidence %j", async (evidence, field, key) => {
    expectRowError(
      await expectNothingStored(() => importRows([row({ languages: [{ code: "en", ...evidence }] })])),
      `languages.0.${field}`,
      key,
    );
  });

  const csv = (cells: Record<string, string>) => {
    const values = { ...importCells(`CSV-${tag}`), ...cells }; // the row's columns, then any the case adds
    return oneRowCsv(Object.keys(values), values);
  };
  it.each([
    ["full_name", { full_name: "Siti\u0000Aminah" }, "errors.text_invalid_characters"],
    ["full_name", { full_name: "\u200b\u200b\u200b" }, "errors.text_invisible_only"],
    ["full_name", { full_name: "Siti\u0007" }, "errors.text_invalid_characters"],
    ["date_of_birth", { date_of_birth: "0001-01-01" }, "errors.too_old"],
    ["available_from", { available_from: "9999-12-31" }, "errors.available_from_range"],
    ["languages[1].score", { languages: "en:ielts:9.5" }, "errors.score_scale_ielts"],
    ["languages[1].score", { languages: "en:ielts:99" }, "errors.score_scale_ielts"],
    ["languages[1].level", { languages: "ja:jlpt:N9" }, "errors.level_scale_jlpt"],
    // a CSV report names the file's columns, and an item of a list by its place in the cell
    ["consent", { consent: "mungkin" }, "errors.consent_word"],
    ["certificates[1].expiresOn", { certificates: "seafarer_medical:2099-01-01" }, "errors.expires_on_range"],
    ["province_code", { province_code: "Jawa Tengahh" }, "errors.province_unknown"],
  ] as [string, Record<string, string>, Key][])("CSV %s %j", async (field, cells, key) => {
    const r = await expectNothingStored(() =>
      send("POST", "/api/v1/workers/import?mode=all_or_nothing", {
        headers: { Authorization: `Bearer ${agency.key}`, "Content-Type": "text/csv" },
        body: csv(cells),
      }),
    );
    expectRowError(r, field, key);
  });
});

describe("an import's failed rows (GET …/failed.csv) and their corrected file", () => {
  const BAD_IDS: [string, string][] = [
    ["unknown", randomUUID()],
    ["not a uuid", "not-a-uuid"],
    ["SQL", encodeURIComponent("' OR 1=1 --")],
    ["path traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["NUL", "%00"],
    ["overlong", "a".repeat(4000)],
  ];
  const gone = msg("errors.failed_rows_gone");
  it.each(BAD_IDS)("API: a %s id is a 404 saying why, nothing stored", async (_l, bad) => {
    const r = await expectNothingStored(() =>
      send("GET", `/api/v1/workers/imports/${bad}/failed.csv`, { headers: { Authorization: `Bearer ${agency.key}` } }),
    );
    expect(r.status, r.text.slice(0, 200)).toBe(404);
    expect(r.json.error.message).toBe(gone);
  });
  it.each(BAD_IDS)("page: a %s id is a 404 saying why, nothing stored", async (_l, bad) => {
    const r = await expectNothingStored(() => agencyPage.get(`/workers/import/${bad}/failed.csv`));
    expect(r.status).toBe(404);
    expect(await r.text()).toBe(gone);
  });

  const file = (cells: Record<string, string>) => {
    const values = { ...importCells(`FAILED-${tag}`), error: "sex: Choose one of the options.", ...cells };
    return oneRowCsv(Object.keys(values), values);
  };
  const importFile = (text: string, key = agency.key) =>
    send("POST", "/api/v1/workers/import?mode=all_or_nothing", {
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "text/csv" },
      body: text,
    });

  it("another agency's key, an employer's key or another method: 404 / 405, never the rows", async () => {
    const made = await importFile(file({ sex: "unknown" }));
    expect(made.json.failedRows).toBe(true);
    const path = `/api/v1/workers/imports/${made.json.importId}/failed.csv`;
    const other = await apiOrg(deps, "agency");
    for (const key of [other.key, employer.key]) {
      const r = await expectNothingStored(() => send("GET", path, { headers: { Authorization: `Bearer ${key}` } }));
      expect(r.status).toBe(404);
      expect(r.text).not.toContain("Siti Aminah");
    }
    const post = await expectNothingStored(() =>
      send("POST", path, {
        headers: { Authorization: `Bearer ${agency.key}`, "Content-Type": "application/json" },
        body: "{}",
      }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET");
    const page = await expectNothingStored(() => employerPage.get(`/workers/import/${made.json.importId}/failed.csv`));
    expect(page.status).toBe(404);
  });

  it.each([
    // the error column is never read, whatever it holds
    ["full_name", { full_name: "'=Siti\u0000Aminah", error: "\u0000".repeat(10) }, "errors.text_invalid_characters"],
    ["full_name", { full_name: "'", error: "x".repeat(6000) }, "errors.required"],
    ["province_code", { province_code: "'+33" }, "errors.province_unknown"],
    ["sex", { sex: "'@female" }, "errors.choose_option"],
  ] as [string, Record<string, string>, Key][])("a corrected file's %s %j", async (field, cells, key) => {
    const r = await expectNothingStored(() => importFile(file(cells)));
    expect(r.status, r.text.slice(0, 300)).toBe(422);
    expect(r.json.errors.map((e: { field: string; message: string }) => [e.field, e.message])).toContainEqual([
      field,
      msg(key),
    ]);
    expect(r.json.errors.map((e: { field: string }) => e.field)).not.toContain("error");
  });
});

describe("API: bodies, media types and methods on every route", () => {
  const routes = (): [string, string, string][] => [
    ["POST", "/api/v1/job-orders", employer.key],
    ["PUT", `/api/v1/job-orders/${draftId}`, employer.key],
    ["POST", `/api/v1/job-orders/${draftId}/submit`, employer.key],
    ["POST", `/api/v1/job-orders/${submittedId}/verification`, mission.key],
    ["POST", `/api/v1/job-orders/${made.order.id}/shortlist`, agency.key],
    ["POST", `/api/v1/shortlist/${ids.entry}/moves`, agency.key],
    ["POST", `/api/v1/shortlist/${ids.entry}/notes`, agency.key],
    ["POST", `/api/v1/shortlist/${ids.entry}/disclosure-consent`, agency.key],
    ["POST", "/api/v1/workers/import", agency.key],
  ];
  const ROUTE_NAMES = [
    "POST job-orders",
    "PUT job-orders/:id",
    "POST submit",
    "POST verification",
    "POST shortlist",
    "POST moves",
    "POST notes",
    "POST disclosure-consent",
    "POST workers/import",
  ];
  const BODIES: {
    label: string;
    contentType: string | null;
    encoding?: string;
    body: () => BodyInit;
    status: number;
    key: Key;
  }[] = [
    {
      label: "JSON as text/plain",
      contentType: "text/plain",
      body: () => '{"title":"x"}',
      status: 415,
      key: "errors.unsupported_media_type",
    },
    {
      label: "JSON without a Content-Type",
      contentType: null,
      body: () => new Blob(['{"title":"x"}']),
      status: 415,
      key: "errors.unsupported_media_type",
    },
    {
      label: "a urlencoded form",
      contentType: "application/x-www-form-urlencoded",
      body: () => "title=x",
      status: 415,
      key: "errors.unsupported_media_type",
    },
    {
      label: "JSON labelled latin1",
      contentType: "application/json; charset=iso-8859-1",
      body: () => '{"title":"x"}',
      status: 415,
      key: "errors.unsupported_media_type",
    },
    {
      label: "a second charset hiding UTF-16",
      contentType: "application/json; charset=utf-8; charset = utf-16",
      body: () => '{"title":"x"}',
      status: 415,
      key: "errors.unsupported_media_type",
    },
    {
      label: "JSON labelled gzip (bodies are never inflated)",
      contentType: "application/json",
      encoding: "gzip",
      body: () => '{"title":"x"}',
      status: 415,
      key: "errors.unsupported_encoding",
    },
    {
      label: "invalid UTF-8",
      contentType: "application/json",
      body: () => new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      status: 400,
      key: "errors.invalid_utf8",
    },
    {
      label: "an overlong UTF-8 NUL (C0 80)",
      contentType: "application/json",
      body: () => new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0x80, 0x22, 0x7d]),
      status: 400,
      key: "errors.invalid_utf8",
    },
    {
      label: "an encoded surrogate (ED A0 80)",
      contentType: "application/json",
      body: () => new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]),
      status: 400,
      key: "errors.invalid_utf8",
    },
    {
      label: "malformed JSON",
      contentType: "application/json",
      body: () => '{"title": "x",',
      status: 400,
      key: "errors.invalid_json",
    },
  ];
  const cases = BODIES.flatMap((b) => ROUTE_NAMES.map((name, i) => ({ name, i, ...b })));
  it.each(cases)("$name: $label", async ({ i, contentType, encoding, body, status, key }) => {
    const [method, path, token] = routes()[i]!;
    if (key === "errors.invalid_json" && path === "/api/v1/workers/import") return; // the import reports a malformed file as unreadable (422): below
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "Accept-Language": "en" };
    if (contentType) headers["Content-Type"] = contentType;
    if (encoding) headers["Content-Encoding"] = encoding;
    const r = await expectNothingStored(() => send(method, path, { headers, body: body() }));
    expect(r.status, r.text.slice(0, 200)).toBe(status);
    const params: Record<string, string> | undefined =
      key === "errors.unsupported_media_type"
        ? { expected: path.endsWith("/workers/import") ? "application/json, text/csv" : "application/json" }
        : key === "errors.unsupported_encoding"
          ? { encoding: encoding! }
          : undefined;
    expect(r.json.error.fields.body).toBe(msg(key, params));
  });

  it.each(ROUTE_NAMES.map((name, i) => ({ name, i })))(
    "$name: a body over the route's limit is 413 (declared length)",
    async ({ i }) => {
      const [method, path, token] = routes()[i]!;
      const size = path.endsWith("/workers/import") ? 25 * 1024 * 1024 + 10 : 1024 * 1024 + 10;
      const body = `["${"x".repeat(size)}"]`;
      const r = await expectNothingStored(() =>
        send(method, path, {
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Accept-Language": "id" },
          body,
        }),
      );
      expect(r.status).toBe(413);
      expect(r.json.error.fields.body).toBe(
        translate("id", "errors.body_too_large", { limit: path.endsWith("/workers/import") ? "25 MB" : "1 MB" }),
      );
    },
  );

  it.each(ROUTE_NAMES.slice(0, 4).map((name, i) => ({ name, i })))(
    "$name: a chunked body over the limit is 413 (streamed bytes counted)",
    async ({ i }) => {
      const [method, path, token] = routes()[i]!;
      const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent++ < 20) c.enqueue(chunk);
          else c.close();
        },
      });
      const res = await expectNothingStored(() =>
        fetch(base() + path, {
          method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body,
          duplex: "half",
        } as RequestInit),
      );
      expect(res.status).toBe(413);
      expect((await res.json()).error.fields.body).toBe(msg("errors.body_too_large", { limit: "1 MB" }));
    },
  );

  it("a malformed JSON or non-array import is refused as unreadable, and stores nothing", async () => {
    for (const body of ['[{"fullName": "x"', '{"rows": []}', '"just a string"']) {
      const r = await expectNothingStored(() =>
        send("POST", "/api/v1/workers/import", {
          headers: { Authorization: `Bearer ${agency.key}`, "Content-Type": "application/json" },
          body,
        }),
      );
      expect(r.status, body).toBe(422);
      expect(r.json.error.message).toBe(msg("errors.import_unreadable"));
    }
  });

  const METHODS: [string, string, string][] = [
    ["GET", "/api/v1/workers/import", "POST"],
    ["GET", "/api/v1/shortlist/00000000-0000-0000-0000-000000000000/notes", "POST"],
    ["GET", "/api/v1/shortlist/00000000-0000-0000-0000-000000000000/moves", "POST"],
    ["GET", "/api/v1/shortlist/00000000-0000-0000-0000-000000000000/disclosure-consent", "POST"],
    ["GET", "/api/v1/job-orders/00000000-0000-0000-0000-000000000000/submit", "POST"],
    ["GET", "/api/v1/job-orders/00000000-0000-0000-0000-000000000000/verification", "POST"],
    ["GET", "/api/v1/workers/00000000-0000-0000-0000-000000000000", "DELETE"],
    ["POST", "/api/v1/me", "GET"],
    ["POST", "/api/v1/workers/imports", "GET"],
    ["POST", "/api/v1/job-orders/00000000-0000-0000-0000-000000000000/matches", "GET"],
    ["POST", "/api/v1/job-orders/00000000-0000-0000-0000-000000000000/candidates", "GET"],
    ["POST", "/api/v1/workers/00000000-0000-0000-0000-000000000000/export", "GET"],
    ["POST", "/api/v1/workers/00000000-0000-0000-0000-000000000000/disclosures", "GET"],
    ["DELETE", "/api/v1/job-orders", "GET, POST"],
    ["PATCH", `/api/v1/job-orders/00000000-0000-0000-0000-000000000000`, "GET, PUT"],
    ["DELETE", `/api/v1/job-orders/00000000-0000-0000-0000-000000000000/shortlist`, "GET, POST"],
    ["POST", "/api/v1/openapi.json", "GET"],
    ["PROPFIND", "/api/v1/job-orders", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
  ];
  it.each(METHODS)("%s %s answers 405 with Allow: %s", async (method, path, allow) => {
    const r = await expectNothingStored(() =>
      send(method, path, { headers: { Authorization: `Bearer ${agency.key}` } }),
    );
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe(allow);
    expect(r.json.error).toMatchObject({ code: "method_not_allowed", message: msg("errors.method_not_allowed") });
  });

  it.each(["/api/v1/job-orders/00000000-0000-0000-0000-000000000000/candidates", "/api/v1/me", "/jobs"])(
    "OPTIONS %s answers 204 with Allow and runs nothing",
    async (path) => {
      const res = await fetch(`${inject("baseUrl")}${path}`, {
        method: "OPTIONS",
        headers: { Authorization: `Bearer ${agency.key}` },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("allow")).toContain("GET");
      expect(await res.text()).toBe("");
    },
  );

  it.each([
    ["TRACE", "/jobs"],
    ["TRACE", "/api/v1/me"],
    ["PROPFIND", "/jobs"],
    ["PURGE", "/healthz"],
  ])("%s %s answers 405 with Allow, not 500", async (method, path) => {
    // fetch refuses to send TRACE: a raw request, as an attacker sends it
    const { status, allow } = await new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
      const req = http.request(
        `${inject("baseUrl")}${path}`,
        { method, headers: { Origin: inject("baseUrl") } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, allow: res.headers.allow });
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(405);
    expect(allow).toContain("GET");
  });

  it.each([
    ["limit", "?limit=abc", "errors.whole_number"],
    ["limit", "?limit=0", "errors.limit_range"],
    ["limit", "?limit=101", "errors.limit_range"],
    ["limit", "?limit=1.5", "errors.whole_number"],
    ["offset", "?offset=-1", "errors.offset_range"],
    ["offset", "?offset=1e99", "errors.whole_number"],
    ["nearLimit", "?nearLimit=1000", "errors.limit_range"],
    ["item", "?item=%00", "errors.invalid"],
    ["item", "?item=language:%22%20OR%201%3D1", "errors.invalid"],
  ] as [string, string, Key][])("GET matches %s %s → 422", async (field, query, key) => {
    const r = await send("GET", `/api/v1/job-orders/${made.order.id}/matches${query}`, {
      headers: { Authorization: `Bearer ${agency.key}` },
    });
    expectApiFieldError(r, field, key);
  });
  it.each(["?limit=%FF", "?item=%C0%80", "?country=%ED%A0%80"])(
    "GET with invalid UTF-8 in the query %s → 400",
    async (query) => {
      const r = await send("GET", `/api/v1/job-orders/${made.order.id}/matches${query}`, {
        headers: { Authorization: `Bearer ${agency.key}` },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.body).toBe(msg("errors.invalid_utf8"));
    },
  );
  it.each(["/api/v1/job-orders/%ff", "/api/v1/job-orders/%C0%AF/matches", "/api/v1/shortlist/%ED%A0%80/notes"])(
    "GET %s (invalid UTF-8 in the path) → 400 in the API's format",
    async (path) => {
      const r = await send("GET", path, {
        headers: { Authorization: `Bearer ${agency.key}`, "Accept-Language": "id" },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.fields.body).toBe(translate("id", "errors.invalid_utf8"));
    },
  );
  it("a page path with invalid UTF-8 → 400 in plain words, not an unformatted error", async () => {
    const r = await send("GET", "/verify/%ff");
    expect(r.status).toBe(400);
    expect(r.text).toBe(msg("errors.invalid_utf8"));
  });
});

// -------------------------------------------------------------------------------------------------------- pages

const FORM_TEXT_PAYLOADS = TEXT_PAYLOADS.map(([label, value, key]) => ({ label, value: value as string, key }));
const formTextCases = (fields: { name: string; multiline?: boolean }[]) =>
  fields.flatMap((f) =>
    [
      ...FORM_TEXT_PAYLOADS,
      ...(f.multiline
        ? []
        : SINGLE_LINE_PAYLOADS.map(([label, value, key]) => ({ label, value: value as string, key }))),
    ].map((p) => ({ field: f.name, ...p })),
  );

/** Body-level attacks every form route gets: [label, headers, body, status, key]. */
const FORM_BODY_ATTACKS: {
  label: string;
  headers: Record<string, string>;
  body: () => BodyInit;
  status: number;
  key: Key;
}[] = [
  {
    label: "a JSON body",
    headers: { "Content-Type": "application/json" },
    body: () => JSON.stringify({ name: "x", email: "a@b.example" }),
    status: 415,
    key: "errors.unsupported_media_type",
  },
  {
    label: "text/plain",
    headers: { "Content-Type": "text/plain" },
    body: () => "name=x",
    status: 415,
    key: "errors.unsupported_media_type",
  },
  {
    label: "%FF in a field",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: () => "name=%FF&email=a%40b.example",
    status: 400,
    key: "errors.invalid_utf8",
  },
  {
    label: "an encoded lone surrogate",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: () => "name=%ED%A0%80",
    status: 400,
    key: "errors.invalid_utf8",
  },
  {
    label: "raw invalid UTF-8",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: () => new Uint8Array([0x6e, 0x3d, 0xff]),
    status: 400,
    key: "errors.invalid_utf8",
  },
  {
    label: "a 100 KB form",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: () => `name=${"x".repeat(100 * 1024)}`,
    status: 413,
    key: "errors.body_too_large",
  },
];
async function expectFormBodyRefused(client: Client | null, path: string, attack: (typeof FORM_BODY_ATTACKS)[number]) {
  const cookie: Record<string, string> = client?.cookies.size
    ? { Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }
    : {};
  const r = await expectNothingStored(() =>
    send("POST", path, {
      headers: {
        ...formHeaders(attack.headers),
        ...cookie,
        "X-Forwarded-For": `10.9.${randomInt(256)}.${randomInt(1, 255)}`,
      },
      body: attack.body(),
    }),
  );
  expect(r.status).toBe(attack.status);
  const params: Record<string, string> | undefined =
    attack.key === "errors.body_too_large"
      ? { limit: "64 KB" }
      : attack.key === "errors.unsupported_media_type"
        ? { expected: "application/x-www-form-urlencoded, multipart/form-data" }
        : undefined;
  expect(r.text).toBe(msg(attack.key, params));
}

describe("page: /signup", () => {
  const signupForm = (patch: Record<string, string> = {}) => ({
    name: "Maria Borg",
    email: `${tag}-${randomInt(1e9)}@test.example`,
    password: "a-long-enough-passphrase-42",
    organisationName: `Harbour Hotel ${tag}`,
    country: "MT",
    ...patch,
  });
  it.each(formTextCases([{ name: "name" }, { name: "organisationName" }]))(
    "$field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() => new Client().post("/signup", signupForm({ [field]: value })));
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["country", "ID", "errors.employer_country_abroad"],
    ["country", "ZZ", "errors.choose_option"],
    ["email", "maria\u0000@test.example", "errors.email_invalid"],
    ["email", "not an email", "errors.email_invalid"],
    ["password", "short", "errors.password_too_short"],
  ] as [string, string, Key][])("%s = %j", async (field, value, key) => {
    const r = await expectNothingStored(() => new Client().post("/signup", signupForm({ [field]: value })));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(FORM_BODY_ATTACKS)("$label", (attack) => expectFormBodyRefused(null, "/signup", attack));
});

describe("page: /login", () => {
  it.each(FORM_BODY_ATTACKS)("$label", (attack) => expectFormBodyRefused(null, "/login", attack));
  it.each([
    ["email", "a\u0000@b.example"],
    ["email", "\u200b"],
  ])("%s = %j is a field error", async (field, value) => {
    const r = await new Client().post("/login", { email: value, password: "whatever-it-is" });
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, "errors.email_invalid");
  });
});

/** The order as the employer's browser posts it (conform's field names for lists). */
function orderForm(patch: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [k, v] of Object.entries(orderInput())) {
    if (k === "languages" || k === "certificates") continue;
    if (typeof v === "boolean") {
      if (v) form[k] = "on";
      continue;
    }
    if (v !== undefined) form[k] = String(v);
  }
  return { ...form, "languages[0].code": "en", "languages[0].minLevel": "B1", ...patch };
}

describe("page: /job-orders/new and /job-orders/:id/edit", () => {
  const fields = [
    { name: "title" },
    { name: "city" },
    { name: "vesselName" },
    { name: "descriptionEn", multiline: true },
    { name: "descriptionId", multiline: true },
  ];
  it.each(formTextCases(fields))("new $field: $label", async ({ field, value, key }) => {
    const r = await expectNothingStored(() => employerPage.post("/job-orders/new", orderForm({ [field]: value })));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(formTextCases([{ name: "title" }, { name: "descriptionEn", multiline: true }]))(
    "edit $field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() =>
        employerPage.post(`/job-orders/${draftId}/edit`, orderForm({ [field]: value })),
      );
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["startDate", "9999-12-31", "errors.start_too_far"],
    ["startDate", "0001-01-01", "errors.start_in_past"],
    ["startDate", "2027-13-45", "errors.date_invalid"],
    ["wageAmount", "1e-300", "errors.amount_cents"],
    ["wageAmount", "-5", "errors.wage_positive"],
    ["wageAmount", "0.001", "errors.amount_cents"],
    ["wageAmount", "1e15", "errors.amount_too_large"],
    ["wageAmount", "lots", "errors.number"],
    ["positions", "2.5", "errors.whole_number"],
    ["hoursPerWeek", "500", "errors.hours_range"],
    ["country", "ID", "errors.destination_abroad"],
    ["languages[0].minLevel", "Z9", "errors.choose_option"],
  ] as [string, string, Key][])("new %s = %j", async (field, value, key) => {
    const r = await expectNothingStored(() => employerPage.post("/job-orders/new", orderForm({ [field]: value })));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(FORM_BODY_ATTACKS)("new: $label", (attack) => expectFormBodyRefused(employerPage, "/job-orders/new", attack));
});

const workerForm = (patch: Record<string, string> = {}) => ({
  fullName: "Endang Sulastri",
  externalRef: "",
  dateOfBirth: "1992-05-05",
  sex: "female",
  provinceCode: "52",
  regency: "Lombok Timur",
  nik: "",
  passportNumber: "",
  passportExpiry: "",
  phone: "",
  "experiences[0].sector": "domestic_work",
  "experiences[0].iscoCode": "5322",
  "experiences[0].years": "6",
  "languages[0].code": "zh",
  "languages[0].kind": "hsk",
  "languages[0].level": "3",
  availableFrom: day(0, 30),
  status: "available",
  consentToMatching: "on",
  ...patch,
});

describe("page: /workers/new", () => {
  it.each(formTextCases([{ name: "fullName" }, { name: "regency" }, { name: "certificates[0].number" }]))(
    "$field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() =>
        agencyPage.post("/workers/new", workerForm({ "certificates[0].code": "bnsp_competency", [field]: value })),
      );
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["dateOfBirth", { dateOfBirth: "0001-01-01" }, "errors.too_old"],
    ["dateOfBirth", { dateOfBirth: day(-17) }, "errors.too_young"],
    ["availableFrom", { availableFrom: "9999-12-31" }, "errors.available_from_range"],
    ["passportExpiry", { passportExpiry: "2300-01-01" }, "errors.passport_expiry_range"],
    ["languages[0].level", { "languages[0].level": "9" }, "errors.level_scale_hsk"],
    [
      "languages[0].score",
      {
        "languages[0].code": "en",
        "languages[0].kind": "ielts",
        "languages[0].level": "",
        "languages[0].score": "9.5",
      },
      "errors.score_scale_ielts",
    ],
    [
      "languages[0].score",
      {
        "languages[0].code": "en",
        "languages[0].kind": "toefl_ibt_120",
        "languages[0].level": "",
        "languages[0].score": "150",
      },
      "errors.score_scale_toefl_ibt_120",
    ],
    [
      "languages[0].level",
      { "languages[0].code": "ja", "languages[0].kind": "jlpt", "languages[0].level": "N0" },
      "errors.level_scale_jlpt",
    ],
  ] as [string, Record<string, string>, Key][])("%s %j", async (field, patch, key) => {
    const r = await expectNothingStored(() => agencyPage.post("/workers/new", workerForm(patch)));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(FORM_BODY_ATTACKS)("$label", (attack) => expectFormBodyRefused(agencyPage, "/workers/new", attack));
});

describe("page: organisation settings and shortlist notes", () => {
  it.each(formTextCases([{ name: "name" }]))("API key name: $label", async ({ field, value, key }) => {
    const r = await expectNothingStored(() =>
      employerPage.post(`/orgs/${employer.org.slug}/settings`, { intent: "create-key", [field]: value }),
    );
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(formTextCases([{ name: "address", multiline: true }]))(
    "company address: $label",
    async ({ field, value, key }) => {
      const details = {
        intent: "details",
        registrationNumber: "C 12345",
        address: "1 Harbour Street, Valletta",
        contactEmail: "hr@example.com",
        contactPhone: "+356 2122 0000",
      };
      const r = await expectNothingStored(() =>
        employerPage.post(`/orgs/${employer.org.slug}/settings`, { ...details, [field]: value }),
      );
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each(FORM_TEXT_PAYLOADS)("shortlist note: $label", async ({ value, key }) => {
    const r = await expectNothingStored(() =>
      agencyPage.post(`/job-orders/${made.order.id}/shortlist`, { intent: "note", entryId: ids.entry, body: value }),
    );
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), "note", key);
  });
  it.each(
    (["bulk_preview", "bulk"] as const).flatMap((intent) =>
      (
        [
          ["no candidate chosen", { action: "propose" }, "entryIds", "shortlist.choose_candidates"],
          ["an id that is not one", { entryIds: ["not-a-uuid"], action: "propose" }, "entryIds", "errors.invalid"],
          ["an SQL id", { entryIds: ["' or 1=1 --"], action: "propose" }, "entryIds", "errors.invalid"],
          [
            "101 candidates",
            { entryIds: Array.from({ length: 101 }, () => randomUUID()), action: "propose" },
            "entryIds",
            "shortlist.too_many_moves",
          ],
          [
            "a move that is not offered in bulk",
            { entryIds: ["E"], action: "select" },
            "action",
            "errors.choose_option",
          ],
          ["no move", { entryIds: ["E"] }, "action", "errors.choose_option"],
          [
            "withdrawal without a reason",
            { entryIds: ["E"], action: "withdraw" },
            "reason",
            "shortlist.reason_required",
          ],
          [
            "a reason that is not offered",
            { entryIds: ["E"], action: "withdraw", reason: "<script>" },
            "reason",
            "errors.choose_option",
          ],
        ] as [string, Record<string, string | string[]>, string, Key][]
      ).map(([label, fields, field, key]) => ({ intent, label, fields, field, key })),
    ),
  )("bulk move ($intent): $label", async ({ intent, fields, field, key }) => {
    const withEntry = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === "E" ? ids.entry : x)) : v]),
    );
    const r = await expectNothingStored(() =>
      agencyPage.post(`/job-orders/${made.order.id}/shortlist`, formFields({ intent, ...withEntry })),
    );
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(FORM_BODY_ATTACKS)("settings: $label", (attack) =>
    expectFormBodyRefused(employerPage, `/orgs/${employer.org.slug}/settings`, attack),
  );
});

describe("page: /admin/events (the trade-forum booth's events)", () => {
  it.each(formTextCases([{ name: "name" }, { name: "venue" }, { name: "city" }]))(
    "$field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() => adminPage.post("/admin/events", eventForm({ [field]: value })));
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["country", "ZZ", "errors.country_unknown"],
    ["country", "USA", "errors.country_unknown"],
    ["startsOn", "0001-01-01", "errors.event_date_past"],
    ["startsOn", "9999-12-31", "errors.event_date_far"],
    ["startsOn", "2027-13-45", "errors.date_invalid"],
    ["endsOn", day(0, 10), "errors.event_ends_before"],
    ["kioskLocales", "fr", "errors.choose_option"],
    ["kioskLocales", "", "errors.kiosk_locales_required"],
    ["leadRetentionDays", "10", "errors.lead_retention_range"],
    ["leadRetentionDays", "100000", "errors.lead_retention_range"],
    ["leadRetentionDays", "90.5", "errors.whole_number"],
    ["leadRetentionDays", "lots", "errors.whole_number"],
  ] as [string, string, Key][])("%s = %j", async (field, value, key) => {
    const r = await expectNothingStored(() => adminPage.post("/admin/events", eventForm({ [field]: value })));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each(FORM_BODY_ATTACKS)("$label", (attack) => expectFormBodyRefused(adminPage, "/admin/events", attack));
});

describe("page: /events/:slug and /booth/enrol (kiosk enrolment)", () => {
  let slug = "";
  beforeAll(async () => {
    slug = await createEventViaPage(adminPage, { name: `Hostile fair ${tag}` });
    await enrolmentCodeViaPage(adminPage, slug, "Waiting screen"); // a live code, which no bad input may spend
  });
  it.each(formTextCases([{ name: "label" }]))("kiosk label: $label", async ({ field, value, key }) => {
    const r = await expectNothingStored(() => adminPage.post(`/events/${slug}`, { intent: "enrol", [field]: value }));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field, key);
  });
  it.each([
    ["empty", "", "errors.enrol_code_invalid"],
    ["too short", "ACDE", "errors.enrol_code_invalid"],
    ["too long", "ACDEFGHJK", "errors.enrol_code_invalid"],
    ["ambiguous characters", "0O1IL2Z5", "errors.enrol_code_invalid"],
    ["NUL", "ACDE\u0000FGH", "errors.enrol_code_invalid"],
    ["SQL", "' OR 1=1", "errors.enrol_code_invalid"],
    ["overlong", "A".repeat(6000), "errors.enrol_code_invalid"],
    ["well formed, unknown", "ACDEFGHJ", "errors.enrol_code_refused"],
  ] as [string, string, Key][])("code: %s", async (_label, value, key) => {
    const kiosk = new Client();
    const r = await expectNothingStored(() => kiosk.post("/booth/enrol", { code: value }));
    expect(r.status).toBe(key === "errors.enrol_code_refused" ? 422 : 400);
    expectPageFieldError(await r.text(), "code", key);
    expect(kiosk.cookies.has("jmb_kiosk")).toBe(false);
  });
  it("a filled honeypot enrols nothing", async () => {
    const kiosk = new Client();
    const r = await expectNothingStored(() =>
      kiosk.post("/booth/enrol", { code: "ACDEFGHJ", website: "spam.example" }),
    );
    expect(r.status).toBe(422);
    expect(kiosk.cookies.has("jmb_kiosk")).toBe(false);
  });
  it.each(FORM_BODY_ATTACKS)("enrol: $label", (attack) => expectFormBodyRefused(null, "/booth/enrol", attack));
  it.each(FORM_BODY_ATTACKS)("event page: $label", (attack) =>
    expectFormBodyRefused(adminPage, `/events/${slug}`, attack),
  );
  it.each([
    ["SQL", "x' OR '1'='1"],
    ["NUL", "fair%00"],
    ["traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["overlong", "a".repeat(3000)],
    ["unicode", "f%C3%A4ir-%F0%9F%98%80"],
  ])("an event's pages, its results and their CSV for a hostile slug (%s): not found", async (_label, bad) => {
    for (const path of [
      `/events/${bad}`,
      `/events/${bad}/leads`,
      `/events/${bad}/results`,
      `/events/${bad}/results.csv`,
    ])
      expect((await adminPage.get(path)).status, path).toBe(404);
  });
  it("the results page and its CSV take no writes", async () => {
    for (const path of [`/events/${slug}/results`, `/events/${slug}/results.csv`])
      expect((await adminPage.post(path, { intent: "erase" })).status, path).toBe(405);
  });
});

describe("kiosk: GET /booth/:slug/count (the live count's query)", () => {
  let slug = "";
  let kiosk: Client;
  beforeAll(async () => {
    slug = await createEventViaPage(adminPage, { name: `Hostile count fair ${tag}` });
    ({ kiosk } = await enrolKioskViaPage(adminPage, slug, "Count screen"));
  });
  const good = `isco=5131&sector=cruise&country=US&positions=4&start=${addMonths(isoDay(new Date()), 2).slice(0, 7)}&months=8`;
  it.each([
    ["isco", "isco=9999", "iscoCode"],
    ["isco injection", `isco=${encodeURIComponent('5131" OR agency_id != "x')}`, "iscoCode"],
    ["sector", "sector=space", "sector"],
    ["country Indonesia", "country=ID", "country"],
    ["country text", "country=%00%00", "country"],
    ["positions zero", "positions=0", "positions"],
    ["positions text", "positions=ten", "positions"],
    ["positions huge", "positions=1e309", "positions"],
    ["start past", "start=2020-01", "startMonth"],
    ["start malformed", "start=2027-13", "startMonth"],
    ["months", "months=-3", "contractMonths"],
    ["language code", "lang=xx:B1", "languages.0.code"],
    ["language level", "lang=en:Z9", "languages.0.minLevel"],
    ["language repeated", "lang=en:B1&lang=en:B2", "languages.1"],
    ["too many languages", "lang=en:B1&lang=ja:A2&lang=ko:A2&lang=de:B1", "languages"],
    ["certificate", `cert=${encodeURIComponent("stcw_bst OR 1=1")}`, "certificates.0"],
    [
      "too many certificates",
      "cert=stcw_bst&cert=seaman_book&cert=food_safety&cert=seafarer_medical&cert=crowd_management",
      "certificates",
    ],
  ])("%s: 422 naming the field", async (_label, bad, field) => {
    const key = bad.split("=")[0]!;
    const query = [...good.split("&").filter((p) => !p.startsWith(`${key}=`)), bad].join("&");
    const r = await expectNothingStored(() => kiosk.get(`/booth/${slug}/count?${query}`));
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toContain(field);
  });
  it("an overlong query is refused, not counted", async () => {
    const r = await kiosk.get(`/booth/${slug}/count?${good}&cert=${"a".repeat(9000)}`);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });
});

describe("kiosk: POST /booth/:slug/leads (a visitor's lead)", () => {
  let slug = "";
  let kiosk: Client;
  const today = isoDay(new Date());
  const vacancy = {
    iscoCode: "5131",
    sector: "cruise" as const,
    country: "US",
    positions: 4,
    startMonth: addMonths(today, 2).slice(0, 7),
    contractMonths: 8,
    languages: [],
    certificates: [],
  };
  const post = (patch: Record<string, string>) =>
    expectNothingStored(async () => {
      const r = await kiosk.post(`/booth/${slug}/leads`, leadForm(vacancy, patch));
      const text = await r.text();
      return { status: r.status, headers: r.headers, text, json: JSON.parse(text) } as Answer;
    });
  beforeAll(async () => {
    slug = await createEventViaPage(adminPage, { name: `Hostile lead fair ${tag}` });
    ({ kiosk } = await enrolKioskViaPage(adminPage, slug, "Lead screen"));
  });
  it.each(formTextCases([{ name: "name" }, { name: "company" }, { name: "jobTitle" }]))(
    "$field: $label",
    async ({ field, value, key }) => expectApiFieldError(await post({ [field]: value }), field, key),
  );
  it.each([
    ["email", "not-an-email", "errors.email_invalid"],
    ["email", "a@b.example\r\nBcc: x@y.example", "errors.email_invalid"],
    ["phone", "call me maybe", "errors.phone_invalid"],
    ["phone", "+1 555\u0000 0100", "errors.phone_invalid"],
    ["country", "XX", "errors.country_unknown"],
    ["companyWebsite", "javascript:alert(1)", "errors.website_invalid"],
    ["companyWebsite", "ftp://files.example", "errors.website_invalid"],
    ["companyWebsite", "https://", "errors.website_invalid"],
    ["companyWebsite", `https://${"a".repeat(300)}.example`, "errors.too_long"],
    ["consentContact", "", "errors.lead_consent_contact_required"],
    ["consentVersion", "1999-01-01", "errors.lead_consent_version"],
    ["id", "", "errors.lead_id_invalid"],
    ["id", "00000000-0000-0000-0000-00000000000g", "errors.lead_id_invalid"],
    ["capturedAt", "yesterday", "errors.lead_captured_invalid"],
    ["vacancy", "", "errors.isco_unknown"],
  ] as [string, string, Key][])("%s = %j", async (field, value, key) => {
    const r = await post({ [field]: value });
    const at = field === "vacancy" ? "vacancy.iscoCode" : field;
    expectApiFieldError(r, at, key);
  });
  it.each([
    [
      "isco injection",
      `isco=${encodeURIComponent('5131" OR agency_id != "x')}&sector=cruise&country=US&positions=1&start=${addMonths(today, 2).slice(0, 7)}&months=8`,
      "vacancy.iscoCode",
    ],
    [
      "country Indonesia",
      `isco=5131&sector=cruise&country=ID&positions=1&start=${addMonths(today, 2).slice(0, 7)}&months=8`,
      "vacancy.country",
    ],
    [
      "positions huge",
      `isco=5131&sector=cruise&country=US&positions=1e309&start=${addMonths(today, 2).slice(0, 7)}&months=8`,
      "vacancy.positions",
    ],
    ["start past", "isco=5131&sector=cruise&country=US&positions=1&start=2020-01&months=8", "vacancy.startMonth"],
  ])("vacancy: %s", async (_label, query, field) => {
    const r = await post({ vacancy: query });
    expect(r.status).toBe(422);
    expect(Object.keys(r.json.error.fields)).toContain(field);
  });
  it("a filled honeypot stores nothing", async () => {
    const r = await post({ website: "spam.example" });
    expect(r.status).toBe(422);
  });
  it("without the device's cookie: 401, nothing stored", async () => {
    const r = await expectNothingStored(() => new Client().post(`/booth/${slug}/leads`, leadForm(vacancy)));
    expect(r.status).toBe(401);
  });
  it.each(FORM_BODY_ATTACKS)("$label", (attack) => expectFormBodyRefused(kiosk, `/booth/${slug}/leads`, attack));
  it.each(FORM_BODY_ATTACKS)("unenrol: $label", (attack) =>
    expectFormBodyRefused(kiosk, `/booth/${slug}/unenrol`, attack),
  );
});

describe("page: /events/:slug/leads/:id/invite and /booth-invite/:token (a lead's invitation)", () => {
  let slug = "";
  let leadId = "";
  let token = "";
  const today = isoDay(new Date());
  const vacancy = {
    iscoCode: "5131",
    sector: "cruise" as const,
    country: "US",
    positions: 4,
    startMonth: addMonths(today, 2).slice(0, 7),
    contractMonths: 8,
    languages: [],
    certificates: [],
  };
  const invitePath = () => `/events/${slug}/leads/${leadId}/invite`;
  const accept = (patch: Record<string, string>) => ({
    name: "Ingrid Solberg",
    organisationName: `Nordic Ferries ${tag}`,
    country: "NO",
    password: "lighthouse-ferry-morning",
    ...patch,
  });
  beforeAll(async () => {
    slug = await createEventViaPage(adminPage, { name: `Hostile invitation fair ${tag}` });
    const { kiosk } = await enrolKioskViaPage(adminPage, slug, "Invitation screen");
    const form = leadForm(vacancy, { email: `${tag}-visitor@nordic-ferries.example` });
    expect((await kiosk.post(`/booth/${slug}/leads`, form)).status).toBe(201);
    leadId = form.id!;
    const r = await adminPage.post(invitePath(), { intent: "invite", email: `${tag}-visitor@nordic-ferries.example` });
    const link = /data-testid="booth-invite-link">([^<]+)</.exec(await r.text())?.[1] ?? "";
    token = link.slice(link.lastIndexOf("/") + 1);
    expect(token.length).toBeGreaterThan(20);
  });
  it.each([
    ["not-an-email", "errors.email_invalid"],
    ["a@b.example\r\nBcc: x@y.example", "errors.email_invalid"],
    ["", "errors.required"],
    [`${"a".repeat(300)}@x.example`, "errors.too_long"],
  ] as [string, Key][])("invite email = %j", async (value, key) => {
    const r = await expectNothingStored(() => adminPage.post(invitePath(), { intent: "invite", email: value }));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), "email", key);
  });
  it("withdrawing without the confirmation withdraws nothing", async () => {
    const r = await expectNothingStored(() => adminPage.post(invitePath(), { intent: "revoke", confirm: "yes" }));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), "confirm", "binv.revoke_must_confirm");
  });
  it("an unknown intent is a 400", async () => {
    const r = await expectNothingStored(() => adminPage.post(invitePath(), { intent: "accept" }));
    expect(r.status).toBe(400);
  });
  it.each(formTextCases([{ name: "name" }, { name: "organisationName" }]))(
    "accept $field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() =>
        new Client().post(`/booth-invite/${token}`, accept({ [field]: value })),
      );
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["country", "ID", "errors.employer_country_abroad"],
    ["country", "XX", "errors.choose_option"],
    ["organisationName", "x", "errors.org_name_short"],
    ["password", "short", "errors.password_too_short"],
    ["password", "p".repeat(300), "errors.too_long"],
  ] as [string, string, Key][])("accept %s = %j", async (field, value, key) => {
    const r = await expectNothingStored(() => new Client().post(`/booth-invite/${token}`, accept({ [field]: value })));
    expect(r.status).toBe(400);
    const html = await r.text();
    expectPageFieldError(html, field, key);
    expect(html).not.toContain("lighthouse-ferry-morning");
  });
  it("a filled honeypot accepts nothing", async () => {
    const r = await expectNothingStored(() =>
      new Client().post(`/booth-invite/${token}`, accept({ website: "spam.example" })),
    );
    expect(r.status).toBe(422);
  });
  it.each(["", "x", "%00", "a".repeat(5000)])("token %j: 404, nothing stored", async (bad) => {
    const r = await expectNothingStored(() => new Client().post(`/booth-invite/${bad}`, accept({})));
    expect([404, 405]).toContain(r.status);
  });
  it.each(FORM_BODY_ATTACKS)("invite: $label", (attack) => expectFormBodyRefused(adminPage, invitePath(), attack));
  it.each(FORM_BODY_ATTACKS)("accept: $label", (attack) =>
    expectFormBodyRefused(null, `/booth-invite/${token}`, attack),
  );
});

describe("kiosk: POST /booth/:slug/handoffs and the phone's page /booth/h/:token (the QR handoff)", () => {
  let slug = "";
  let kiosk: Client;
  let path = "";
  const today = isoDay(new Date());
  const vacancy = {
    iscoCode: "5131",
    sector: "cruise" as const,
    country: "US",
    positions: 4,
    startMonth: addMonths(today, 2).slice(0, 7),
    contractMonths: 8,
    languages: [],
    certificates: [],
  };
  const good = Object.fromEntries(new URLSearchParams(toVacancyQuery(vacancy)));
  const phoneForm = (patch: Record<string, string> = {}) => ({
    name: "Ingrid Solberg",
    company: "Nordic Ferries AS",
    email: "ingrid@nordicferries.example",
    country: "NO",
    consentContact: "on",
    consentVersion: LEAD_CONSENT_VERSION,
    consentWording: "gdpr",
    ...patch,
  });
  beforeAll(async () => {
    slug = await createEventViaPage(adminPage, { name: `Hostile handoff fair ${tag}` });
    ({ kiosk } = await enrolKioskViaPage(adminPage, slug, "Handoff screen"));
    const res = await kiosk.post(`/booth/${slug}/handoffs`, good);
    expect(res.status).toBe(201);
    path = new URL(((await res.json()) as { url: string }).url).pathname;
  });
  it.each([
    ["isco", { isco: "9999" }, "iscoCode"],
    ["isco injection", { isco: '5131" OR agency_id != "x' }, "iscoCode"],
    ["country Indonesia", { country: "ID" }, "country"],
    ["positions huge", { positions: "1e309" }, "positions"],
    ["start past", { start: "2020-01" }, "startMonth"],
    ["months NUL", { months: "8\u0000" }, "contractMonths"],
    ["language", { lang: "xx:B1" }, "languages.0.code"],
    ["certificate", { cert: "stcw_bst OR 1=1" }, "certificates.0"],
  ] as [string, Record<string, string>, string][])(
    "handoff vacancy: %s → 422 naming the field",
    async (_l, patch, field) => {
      const r = await expectNothingStored(() => kiosk.post(`/booth/${slug}/handoffs`, { ...good, ...patch }));
      expect(r.status).toBe(422);
      const body = (await r.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(body.error.fields)).toContain(field);
    },
  );
  it("handoff without the device's cookie: 401, nothing stored", async () => {
    const r = await expectNothingStored(() => new Client().post(`/booth/${slug}/handoffs`, good));
    expect(r.status).toBe(401);
  });
  it.each(formTextCases([{ name: "name" }, { name: "company" }, { name: "jobTitle" }]))(
    "phone $field: $label",
    async ({ field, value, key }) => {
      const r = await expectNothingStored(() => new Client().post(path, phoneForm({ [field]: value })));
      expect(r.status).toBe(400);
      expectPageFieldError(await r.text(), field, key);
    },
  );
  it.each([
    ["email", "a@b.example\r\nBcc: x@y.example", "errors.email_invalid"],
    ["phone", "+1 555\u0000 0100", "errors.phone_invalid"],
    ["country", "XX", "errors.country_unknown"],
    ["companyWebsite", "javascript:alert(1)", "errors.website_invalid"],
    ["companyWebsite", `https://${"a".repeat(300)}.example`, "errors.too_long"],
    ["consentContact", "", "errors.lead_consent_contact_required"],
    ["consentWording", "pdp", "errors.handoff_wording_changed"],
    ["consentVersion", "1999-01-01", "errors.lead_consent_version"],
  ] as [string, string, Key][])("phone %s = %j", async (field, value, key) => {
    const r = await expectNothingStored(() => new Client().post(path, phoneForm({ [field]: value })));
    expect(r.status).toBe(400);
    expectPageFieldError(await r.text(), field === "consentWording" ? "consentContact" : field, key);
  });
  it("phone: a filled honeypot stores nothing", async () => {
    const r = await expectNothingStored(() => new Client().post(path, phoneForm({ website: "spam.example" })));
    expect(r.status).toBe(422);
  });
  it.each([
    ["unknown", "/booth/h/ACDEFGHJKMNPQRTUVWXY"],
    ["path traversal", "/booth/h/..%2F..%2Fadmin"],
    ["SQL", `/booth/h/${encodeURIComponent("' OR 1=1 --")}`],
    ["overlong", `/booth/h/${"A".repeat(4000)}`],
  ])("phone: a %s token is a 404, nothing stored", async (_l, bad) => {
    const r = await expectNothingStored(() => new Client().post(bad, phoneForm()));
    expect(r.status).toBe(404);
    expect((await new Client().get(bad)).status).toBe(404);
  });
  it.each(FORM_BODY_ATTACKS)("handoffs: $label", (attack) =>
    expectFormBodyRefused(kiosk, `/booth/${slug}/handoffs`, attack),
  );
  it.each(FORM_BODY_ATTACKS)("phone: $label", (attack) => expectFormBodyRefused(null, path, attack));
});
