import type { JobOrderInput } from "~/domain/job-orders/schema";
import { addMonths } from "~/domain/dates";
import { type Actor } from "~/domain/org";
import { isoDay } from "~/domain/dates";
import type { Deps } from "~/services/deps.server";
import { decideJobOrder, revokeJobOrder } from "~/services/job-orders/decide.server";
import { closeJobOrder, expireDueJobOrders, recordPlacements } from "~/services/job-orders/lifecycle.server";
import { addStandard } from "~/services/job-orders/reference-lists.server";
import { submitJobOrder } from "~/services/job-orders/submit.server";
import { createJobOrder } from "~/services/job-orders/write.server";
import { findOrgBySlug, updateOrg } from "~db/orgs";
import { insertListing } from "~db/problem-employers";
import { findUserByEmail } from "~db/users";

// Demo job orders for the corridors (cruise out of Miami, Malta, Germany, Japan, Korea, Taiwan), in every state,
// made through the real use cases so each has its versions and audit trail. Wages follow public minimums
// (docs/reference-data.md).

type Draft = Omit<JobOrderInput, "startDate" | "employerPaysPlacementCosts" | "paymentMethod" | "descriptionId"> & {
  startInMonths: number;
  descriptionId?: string;
};
type Fate = "draft" | "submitted" | "verified" | "returned" | "rejected" | "filled" | "closed" | "expired" | "revoked";

const base = { paymentMethod: "bank_transfer" as const, employerPaysPlacementCosts: true as const };

const ORDERS: { employer: string; mission: string; fate: Fate; order: Draft }[] = [
  {
    employer: "aurora-cruises",
    mission: "kjri-houston",
    fate: "verified",
    order: {
      title: "Assistant Waiter",
      iscoCode: "5131",
      sector: "cruise",
      country: "US",
      city: "Miami (home port)",
      vesselName: "Aurora Star",
      vesselType: "Cruise ship, 3,000 passengers",
      positions: 24,
      wageAmount: 1450,
      wageCurrency: "USD",
      wagePeriod: "month",
      hoursPerWeek: 70,
      restDaysPerWeek: 1,
      annualLeaveDays: 30,
      contractMonths: 8,
      startInMonths: 3,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "employer_paid",
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "crowd_management", mandatory: true },
        { code: "seafarer_medical", mandatory: true },
        { code: "us_c1d_visa", mandatory: false }, // the employer sponsors the C1/D visa after the offer
        { code: "food_safety", mandatory: false },
      ],
      minExperienceYears: 1,
      descriptionEn:
        "Serve guests in the main dining room under the head waiter; set up and clear stations; follow USPH hygiene rules. Gratuities are shared on top of the basic wage.",
      descriptionId:
        "Melayani tamu di ruang makan utama di bawah kepala pelayan; menyiapkan dan merapikan stasiun; mematuhi aturan kebersihan USPH.",
    },
  },
  {
    employer: "aurora-cruises",
    mission: "kjri-houston",
    fate: "verified",
    order: {
      title: "Cabin Steward",
      iscoCode: "5111",
      sector: "cruise",
      country: "US",
      city: "Miami (home port)",
      vesselName: "Aurora Star",
      vesselType: "Cruise ship",
      positions: 30,
      wageAmount: 1250,
      wageCurrency: "USD",
      wagePeriod: "month",
      hoursPerWeek: 70,
      restDaysPerWeek: 1,
      annualLeaveDays: 30,
      contractMonths: 8,
      startInMonths: 3,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "employer_paid",
      languages: [{ code: "en", minLevel: "A2" }],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "crowd_management", mandatory: true },
        { code: "us_c1d_visa", mandatory: true },
      ],
      minExperienceYears: 1,
      descriptionEn: "Keep 16 to 18 guest cabins clean and stocked, twice-daily service, turndown and linen changes.",
    },
  },
  {
    employer: "aurora-cruises",
    mission: "kjri-houston",
    fate: "submitted",
    order: {
      title: "Galley Utility",
      iscoCode: "9412",
      sector: "cruise",
      country: "US",
      city: "Fort Lauderdale",
      vesselName: "Aurora Dawn",
      vesselType: "Cruise ship",
      positions: 12,
      wageAmount: 1050,
      wageCurrency: "USD",
      wagePeriod: "month",
      hoursPerWeek: 70,
      restDaysPerWeek: 1,
      annualLeaveDays: 30,
      contractMonths: 9,
      startInMonths: 4,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "employer_paid",
      languages: [{ code: "en", minLevel: "A2" }],
      certificates: [{ code: "stcw_bst", mandatory: true }],
      minExperienceYears: 0,
      descriptionEn: "Dishwashing, pot washing and cleaning of galley areas on a rotating schedule.",
    },
  },
  {
    employer: "aurora-cruises",
    mission: "kjri-houston",
    fate: "revoked",
    order: {
      title: "Bar Waiter",
      iscoCode: "5132",
      sector: "cruise",
      country: "US",
      city: "Miami",
      vesselName: "Aurora Star",
      vesselType: "Cruise ship",
      positions: 8,
      wageAmount: 1300,
      wageCurrency: "USD",
      wagePeriod: "month",
      hoursPerWeek: 70,
      restDaysPerWeek: 1,
      annualLeaveDays: 30,
      contractMonths: 8,
      startInMonths: 2,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "employer_paid",
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [{ code: "stcw_bst", mandatory: true }],
      minExperienceYears: 1,
      descriptionEn: "Serve drinks in lounges and on the pool deck; handle the bar point-of-sale system.",
    },
  },
  {
    employer: "grand-harbour-hotel",
    mission: "kbri-rome",
    fate: "verified",
    order: {
      title: "Commis Cook",
      iscoCode: "5120",
      sector: "hospitality",
      country: "MT",
      city: "Valletta",
      positions: 4,
      wageAmount: 1400,
      wageCurrency: "EUR",
      wagePeriod: "month",
      hoursPerWeek: 40,
      restDaysPerWeek: 2,
      annualLeaveDays: 24,
      contractMonths: 12,
      startInMonths: 2,
      accommodation: "deducted",
      meals: "free",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [{ code: "en", minLevel: "B1" }],
      certificates: [
        { code: "food_safety", mandatory: true },
        { code: "bnsp_competency", mandatory: false },
      ],
      minExperienceYears: 2,
      descriptionEn:
        "Prepare mise en place and cook à la carte dishes in a 5-star hotel kitchen under the chef de partie.",
    },
  },
  {
    employer: "grand-harbour-hotel",
    mission: "kbri-rome",
    fate: "returned",
    order: {
      title: "Room Attendant",
      iscoCode: "9112",
      sector: "hospitality",
      country: "MT",
      city: "St Julian's",
      positions: 10,
      wageAmount: 1000,
      wageCurrency: "EUR",
      wagePeriod: "month",
      hoursPerWeek: 48,
      restDaysPerWeek: 1,
      annualLeaveDays: 24,
      contractMonths: 12,
      startInMonths: 2,
      accommodation: "deducted",
      meals: "allowance",
      transport: "none",
      insurance: "statutory_shared",
      languages: [{ code: "en", minLevel: "A2" }],
      certificates: [],
      minExperienceYears: 0,
      descriptionEn: "Clean and prepare guest rooms to hotel standard, 14 rooms a shift.",
    },
  },
  {
    employer: "pflege-berlin",
    mission: "kbri-berlin",
    fate: "verified",
    order: {
      title: "Registered Nurse (Pflegefachkraft)",
      iscoCode: "2221",
      sector: "nursing",
      country: "DE",
      city: "Berlin",
      positions: 15,
      wageAmount: 3600,
      wageCurrency: "EUR",
      wagePeriod: "month",
      hoursPerWeek: 39,
      restDaysPerWeek: 2,
      annualLeaveDays: 30,
      contractMonths: 24,
      startInMonths: 6,
      accommodation: "allowance",
      meals: "none",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [
        { code: "de", minLevel: "B2" },
        { code: "en", minLevel: "B1" },
      ],
      certificates: [{ code: "nurse_registration", mandatory: true }],
      minExperienceYears: 2,
      descriptionEn:
        "Nursing care on internal medicine wards. The hospital supports recognition (Anerkennung) and pays the adaptation course.",
      descriptionId:
        "Perawatan di bangsal penyakit dalam. Rumah sakit mendukung proses pengakuan (Anerkennung) dan membiayai kursus adaptasi.",
    },
  },
  {
    employer: "pflege-berlin",
    mission: "kbri-berlin",
    fate: "draft",
    order: {
      title: "Nursing Assistant",
      iscoCode: "5321",
      sector: "care_work",
      country: "DE",
      city: "Berlin",
      positions: 6,
      wageAmount: 2900,
      wageCurrency: "EUR",
      wagePeriod: "month",
      hoursPerWeek: 39,
      restDaysPerWeek: 2,
      annualLeaveDays: 30,
      contractMonths: 24,
      startInMonths: 8,
      accommodation: "allowance",
      meals: "none",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [{ code: "de", minLevel: "B1" }],
      certificates: [],
      minExperienceYears: 1,
      descriptionEn: "Support registered nurses with basic care, mobility and meals for patients.",
    },
  },
  {
    employer: "pflege-berlin",
    mission: "kbri-berlin",
    fate: "closed",
    order: {
      title: "Geriatric Nurse",
      iscoCode: "2221",
      sector: "nursing",
      country: "DE",
      city: "Potsdam",
      positions: 5,
      wageAmount: 3500,
      wageCurrency: "EUR",
      wagePeriod: "month",
      hoursPerWeek: 39,
      restDaysPerWeek: 2,
      annualLeaveDays: 30,
      contractMonths: 24,
      startInMonths: 3,
      accommodation: "allowance",
      meals: "none",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [{ code: "de", minLevel: "B2" }],
      certificates: [{ code: "nurse_registration", mandatory: true }],
      minExperienceYears: 3,
      descriptionEn: "Care for residents of a 120-bed care home; documentation in German.",
    },
  },
  {
    employer: "sakura-care",
    mission: "kbri-tokyo",
    fate: "verified",
    order: {
      title: "Care Worker (Kaigo, SSW)",
      iscoCode: "5322",
      sector: "care_work",
      country: "JP",
      city: "Osaka",
      positions: 20,
      wageAmount: 215000,
      wageCurrency: "JPY",
      wagePeriod: "month",
      hoursPerWeek: 40,
      restDaysPerWeek: 2,
      annualLeaveDays: 10,
      contractMonths: 36,
      startInMonths: 5,
      accommodation: "deducted",
      meals: "none",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [{ code: "ja", minLevel: "A2" }],
      certificates: [{ code: "ssw_care_skill", mandatory: true }],
      minExperienceYears: 0,
      descriptionEn:
        "Daily-life support for elderly residents: meals, bathing, mobility, recreation. Same pay as Japanese staff.",
      descriptionId:
        "Pendampingan kehidupan sehari-hari lansia: makan, mandi, mobilitas, rekreasi. Upah sama dengan staf Jepang.",
    },
  },
  {
    employer: "sakura-care",
    mission: "kbri-tokyo",
    fate: "expired",
    order: {
      title: "Care Worker, night shifts",
      iscoCode: "5322",
      sector: "care_work",
      country: "JP",
      city: "Kobe",
      positions: 6,
      wageAmount: 230000,
      wageCurrency: "JPY",
      wagePeriod: "month",
      hoursPerWeek: 40,
      restDaysPerWeek: 2,
      annualLeaveDays: 10,
      contractMonths: 36,
      startInMonths: 1,
      accommodation: "deducted",
      meals: "none",
      transport: "allowance",
      insurance: "statutory_shared",
      languages: [{ code: "ja", minLevel: "A2" }],
      certificates: [{ code: "ssw_care_skill", mandatory: true }],
      minExperienceYears: 1,
      descriptionEn: "Night-shift care in a group home for people with dementia.",
    },
  },
  {
    employer: "hanbada-shipyard",
    mission: "kbri-seoul",
    fate: "verified",
    order: {
      title: "Shipyard Welder (6G)",
      iscoCode: "7212",
      sector: "construction",
      country: "KR",
      city: "Geoje",
      positions: 40,
      wageAmount: 2156880,
      wageCurrency: "KRW",
      wagePeriod: "month",
      hoursPerWeek: 52,
      restDaysPerWeek: 1,
      annualLeaveDays: 15,
      contractMonths: 36,
      startInMonths: 4,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "statutory_shared",
      languages: [{ code: "ko", minLevel: "A2" }],
      certificates: [
        { code: "welding_6g", mandatory: true },
        { code: "eps_topik", mandatory: false },
      ],
      minExperienceYears: 3,
      descriptionEn: "FCAW and SMAW welding of hull blocks; 6G pipe welding for some positions.",
    },
  },
  {
    employer: "hanbada-shipyard",
    mission: "kbri-seoul",
    fate: "filled",
    order: {
      title: "Ship Plater",
      iscoCode: "7214",
      sector: "construction",
      country: "KR",
      city: "Geoje",
      positions: 10,
      wageAmount: 2156880,
      wageCurrency: "KRW",
      wagePeriod: "month",
      hoursPerWeek: 52,
      restDaysPerWeek: 1,
      annualLeaveDays: 15,
      contractMonths: 36,
      startInMonths: 2,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "statutory_shared",
      languages: [{ code: "ko", minLevel: "A2" }],
      certificates: [{ code: "eps_topik", mandatory: true }],
      minExperienceYears: 2,
      descriptionEn: "Cutting, fitting and tack-welding steel plates for hull blocks.",
    },
  },
  {
    employer: "kaohsiung-ocean",
    mission: "kdei-taipei",
    fate: "rejected",
    order: {
      title: "Deep-sea Fishing Crew",
      iscoCode: "6223",
      sector: "fishing_vessel",
      country: "TW",
      city: "Kaohsiung",
      vesselName: "Hai Feng 88",
      vesselType: "Tuna longliner",
      positions: 18,
      wageAmount: 450,
      wageCurrency: "USD",
      wagePeriod: "month",
      hoursPerWeek: 77,
      restDaysPerWeek: 1,
      annualLeaveDays: 0,
      contractMonths: 24,
      startInMonths: 2,
      accommodation: "free",
      meals: "free",
      transport: "none",
      insurance: "employer_paid",
      languages: [],
      certificates: [
        { code: "stcw_bst", mandatory: true },
        { code: "seaman_book", mandatory: true },
      ],
      minExperienceYears: 0,
      descriptionEn: "Longline fishing for tuna in the Pacific; trips of up to 10 months at sea.",
    },
  },
  {
    employer: "kaohsiung-ocean",
    mission: "kdei-taipei",
    fate: "submitted",
    order: {
      title: "Deck Hand, coastal trawler",
      iscoCode: "6222",
      sector: "fishing_vessel",
      country: "TW",
      city: "Pingtung",
      vesselName: "Fu Yuan 12",
      vesselType: "Coastal trawler",
      positions: 6,
      wageAmount: 27470,
      wageCurrency: "TWD",
      wagePeriod: "month",
      hoursPerWeek: 60,
      restDaysPerWeek: 1,
      annualLeaveDays: 7,
      contractMonths: 36,
      startInMonths: 2,
      accommodation: "free",
      meals: "free",
      transport: "free",
      insurance: "employer_paid",
      languages: [{ code: "zh", minLevel: "A1" }],
      certificates: [{ code: "stcw_bst", mandatory: true }],
      minExperienceYears: 0,
      descriptionEn: "Handle nets and catch on day trips from Donggang harbour; housing ashore.",
    },
  },
];

const STANDARDS = [
  {
    country: "HK",
    iscoCode: "9111",
    minWageAmount: 5100,
    minWageCurrency: "HKD",
    minWagePeriod: "month" as const,
    maxHoursPerWeek: null,
    source: "HK Labour Dept minimum allowable wage, contracts from 30 Sep 2025",
  },
  {
    country: "TW",
    iscoCode: "5322",
    minWageAmount: 20000,
    minWageCurrency: "TWD",
    minWagePeriod: "month" as const,
    maxHoursPerWeek: null,
    source: "Taiwan MOL live-in caregiver wage, from Aug 2022",
  },
  {
    country: "TW",
    iscoCode: "6222",
    minWageAmount: 27470,
    minWageCurrency: "TWD",
    minWagePeriod: "month" as const,
    maxHoursPerWeek: 84,
    source: "Taiwan national minimum wage (demo figure)",
  },
  {
    country: "KR",
    iscoCode: null,
    minWageAmount: 10320,
    minWageCurrency: "KRW",
    minWagePeriod: "hour" as const,
    maxHoursPerWeek: 52,
    source: "Korea minimum wage 2026; 52-hour week",
  },
  {
    country: "JP",
    iscoCode: null,
    minWageAmount: 1121,
    minWageCurrency: "JPY",
    minWagePeriod: "hour" as const,
    maxHoursPerWeek: 40,
    source: "Japan national average minimum wage FY2025",
  },
  {
    country: "US",
    iscoCode: "8350",
    minWageAmount: 673,
    minWageCurrency: "USD",
    minWagePeriod: "month" as const,
    maxHoursPerWeek: null,
    source: "ILO MLC able seafarer minimum, 2025",
  },
];

async function actorFor(deps: Deps, email: string): Promise<Actor> {
  const u = await findUserByEmail(deps.db, email);
  const org =
    u &&
    (await deps.db.selectFrom("organisations").select(["id", "kind"]).where("id", "=", u.org_id).executeTakeFirst());
  if (!u || !org) throw new Error(`demo user ${email} missing`);
  return { userId: u.id, orgId: org.id, orgKind: org.kind, role: u.role };
}

export async function seedDemoJobOrders(deps: Deps, emailOf: (slug: string) => string): Promise<void> {
  for (const s of STANDARDS) await addStandard(deps, null, s);
  const today = isoDay(deps.now());
  for (const { employer, mission, fate, order } of ORDERS) {
    const e = await actorFor(deps, emailOf(employer));
    const m = await actorFor(deps, emailOf(mission));
    const { startInMonths, ...rest } = order;
    const created = await createJobOrder(deps, e, { ...base, ...rest, startDate: addMonths(today, startInMonths) });
    if (fate === "draft") continue;
    await submitJobOrder(deps, e, created.id);
    if (fate === "submitted") continue;
    if (fate === "returned") {
      await decideJobOrder(deps, m, created.id, {
        decision: "return",
        reason: "missing_information",
        note: "State the weekly rest and the deduction for accommodation in euros.",
      });
      continue;
    }
    if (fate === "rejected") {
      await decideJobOrder(deps, m, created.id, {
        decision: "reject",
        reason: "wage_below_minimum",
        note: "USD 450 for 77 hours a week is below the agreed minimum for migrant fishers.",
      });
      continue;
    }
    await decideJobOrder(deps, m, created.id, { decision: "approve" });
    if (fate === "filled") await recordPlacements(deps, e, created.id, order.positions);
    if (fate === "closed") await closeJobOrder(deps, e, created.id);
    if (fate === "revoked")
      await revokeJobOrder(deps, m, created.id, {
        reason: "suspected_fraud",
        note: "Demo: the same vacancy was offered by an unlicensed recruiter.",
      });
    if (fate === "expired") {
      await deps.db
        .updateTable("job_orders")
        .set({ valid_until: addMonths(today, -1) })
        .where("id", "=", created.id)
        .execute();
    }
  }
  await expireDueJobOrders(deps);

  // A problem employer with an order waiting: the verifier sees the hold.
  const shady = await findOrgBySlug(deps.db, "lucky-star-fishing");
  if (shady) {
    await updateOrg(deps.db, shady.id, {
      registration_number: "TW-88123",
      address: "No. 5 Yugang Road, Qianzhen, Kaohsiung",
      contact_email: "crew@luckystar.example",
      contact_phone: "+886 7 555 0101",
    });
    const e = await actorFor(deps, emailOf("lucky-star-fishing"));
    const o = await createJobOrder(deps, e, {
      ...base,
      ...ORDERS[13]!.order,
      title: "Fishing crew (urgent)",
      vesselName: "Lucky Star 7",
      startDate: addMonths(today, 1),
    });
    await submitJobOrder(deps, e, o.id);
    await insertListing(deps.db, {
      employerOrgId: shady.id,
      reason: "Demo: wages withheld from 11 crew in 2025 (KDEI Taipei report)",
      listedOn: addMonths(today, -2),
      listedBy: null,
    });
  }
}
