import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { vacancySchema } from "~/domain/booth/vacancy";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import {
  ISCO_CODES,
  majorGroupTitle,
  OCCUPATION_GROUPS,
  OCCUPATIONS,
  occupation,
  occupationTitle,
} from "~/domain/reference/isco";
import { searchOccupations } from "~/domain/reference/isco-search";
import { SECTORS } from "~/domain/reference/sectors";
import { workerProfileSchema } from "~/domain/workers/profile-schema";
import { orderInput } from "../support/order-input";

const today = isoDay(new Date());

// The unit groups hand-picked for Jembatan's corridors, with the sectors they had before the catalogue held all of
// ISCO-08: matching, the kiosk and the demo data depend on them.
const HAND_PICKED_SECTORS: Record<string, string[]> = {
  "1411": ["hospitality", "cruise"],
  "2221": ["nursing"],
  "3151": ["merchant_ship", "cruise"],
  "3152": ["merchant_ship", "cruise"],
  "3221": ["nursing"],
  "3434": ["cruise", "hospitality"],
  "4224": ["cruise", "hospitality"],
  "5111": ["cruise"],
  "5120": ["cruise", "merchant_ship", "hospitality", "domestic_work"],
  "5131": ["cruise", "hospitality"],
  "5132": ["cruise", "hospitality"],
  "5141": ["cruise"],
  "5142": ["cruise"],
  "5151": ["cruise", "hospitality"],
  "5152": ["domestic_work"],
  "5246": ["cruise", "hospitality"],
  "5311": ["domestic_work"],
  "5321": ["care_work"],
  "5322": ["care_work", "domestic_work"],
  "5329": ["care_work"],
  "6112": ["agriculture"],
  "6113": ["agriculture", "domestic_work"],
  "6121": ["agriculture"],
  "6221": ["agriculture"],
  "6222": ["fishing_vessel"],
  "6223": ["fishing_vessel"],
  "7112": ["construction"],
  "7114": ["construction"],
  "7115": ["construction"],
  "7126": ["construction", "merchant_ship"],
  "7212": ["construction", "manufacturing", "merchant_ship"],
  "7213": ["construction", "manufacturing"],
  "7214": ["construction"],
  "7223": ["manufacturing"],
  "7231": ["manufacturing"],
  "7233": ["merchant_ship", "cruise"],
  "7411": ["construction"],
  "7412": ["merchant_ship", "cruise"],
  "7512": ["cruise", "hospitality"],
  "8153": ["manufacturing"],
  "8157": ["cruise", "hospitality"],
  "8182": ["merchant_ship"],
  "8189": ["manufacturing"],
  "8212": ["manufacturing"],
  "8219": ["manufacturing"],
  "8322": ["domestic_work"],
  "8350": ["merchant_ship", "cruise", "fishing_vessel"],
  "9111": ["domestic_work"],
  "9112": ["cruise", "hospitality"],
  "9211": ["agriculture"],
  "9212": ["agriculture"],
  "9214": ["agriculture", "domestic_work"],
  "9216": ["agriculture", "fishing_vessel"],
  "9313": ["construction"],
  "9321": ["manufacturing"],
  "9329": ["manufacturing"],
  "9412": ["cruise", "hospitality"],
};

describe("the ISCO-08 catalogue", () => {
  it("holds every ISCO-08 unit group, each once, with 4-digit codes in the ILO's order", () => {
    // 436 unit groups in the ILO's structure file (armed forces 0110, 0210, 0310 included)
    expect(OCCUPATIONS).toHaveLength(436);
    expect(new Set(ISCO_CODES).size).toBe(436);
    for (const code of ISCO_CODES) expect(code).toMatch(/^\d{4}$/);
    expect(ISCO_CODES[0]).toBe("1111");
    expect(ISCO_CODES.slice(-3)).toEqual(["0110", "0210", "0310"]);
    expect(ISCO_CODES.slice(0, -3)).toEqual([...ISCO_CODES.slice(0, -3)].sort());
    // unit groups per major group 1–9, 0 (ILO ISCO-08 structure)
    const perMajor = Object.fromEntries(
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"].map((m) => [m, ISCO_CODES.filter((c) => c[0] === m).length]),
    );
    expect(perMajor).toEqual({ 1: 31, 2: 92, 3: 84, 4: 29, 5: 40, 6: 18, 7: 66, 8: 40, 9: 33, 0: 3 });
  });

  it("groups the unit groups by major group for long lists, every one in exactly one group", () => {
    expect(OCCUPATION_GROUPS.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]);
    expect(OCCUPATION_GROUPS.flatMap((g) => g.occupations.map((o) => o.code))).toEqual(ISCO_CODES);
    for (const g of OCCUPATION_GROUPS) expect(g.en && g.id).toBeTruthy();
    expect(majorGroupTitle("8121", "en")).toBe("Plant and machine operators, and assemblers");
    expect(majorGroupTitle("0110", "id")).toBe("Jabatan angkatan bersenjata");
  });

  it("has an English and an Indonesian title for each, no name shared by two unit groups", () => {
    const owner = new Map<string, string>();
    for (const o of OCCUPATIONS) {
      expect(o.en.trim()).not.toBe("");
      expect(o.id.trim()).not.toBe("");
      expect(o.en).toBe(o.en.trim());
      expect(o.en).not.toMatch(/\s{2}/);
      for (const s of o.sectors) expect(SECTORS).toContain(s);
      // the search index's synonyms are keyed by name: a name of two groups would lose one group's synonyms
      for (const name of new Set([o.en, o.id, ...o.aka].map((n) => n.toLowerCase()))) {
        expect(owner.get(name) ?? o.code, name).toBe(o.code);
        owner.set(name, o.code);
      }
    }
  });

  it("knows unit groups beyond the corridors' hand-picked ones", () => {
    expect(occupation("8121")).toMatchObject({ en: "Metal processing plant operators", sectors: ["manufacturing"] });
    expect(occupation("8211")).toMatchObject({ en: "Mechanical machinery assemblers", sectors: ["manufacturing"] });
    expect(occupation("9331")).toMatchObject({ en: "Hand and pedal vehicle drivers", sectors: [] });
    expect(occupation("2522")?.en).toBe("Systems administrators"); // "Aministrators" in the source file
    expect(occupationTitle("8121", "id")).toBe("Operator instalasi pengolahan logam");
    expect(searchOccupations("assemblers").map((o) => o.code)).toEqual(["8219", "8211", "8212"]); // a title starting with the word first
    expect(searchOccupations("operator", 8)).toHaveLength(8); // the picker shows a few, not hundreds
  });

  it("keeps the hand-picked unit groups' titles, sectors and job titles", () => {
    expect(Object.keys(HAND_PICKED_SECTORS)).toHaveLength(57);
    for (const [code, sectors] of Object.entries(HAND_PICKED_SECTORS)) {
      expect(occupation(code)?.sectors, code).toEqual(sectors);
    }
    expect(occupation("5131")).toEqual({
      code: "5131",
      en: "Waiters",
      id: "Pramusaji",
      sectors: ["cruise", "hospitality"],
      aka: ["Waiter", "Assistant waiter", "Dining steward", "Pelayan"],
    });
    expect(occupation("6113")?.en).toBe("Gardeners; horticultural and nursery growers");
  });
});

describe("a unit group outside the hand-picked ones", () => {
  const profile = (experiences: unknown[]) => ({
    externalRef: "MF-2026-0001",
    fullName: "Agus Salim",
    dateOfBirth: "1995-03-02",
    sex: "male",
    provinceCode: "32",
    phone: "+62 812 3456 7890",
    experiences,
    languages: [{ code: "en", kind: "ielts", score: 5 }],
    availableFrom: "2027-01-15",
    consentToMatching: true,
  });
  const profileErrors = (input: unknown) =>
    (workerProfileSchema(today).safeParse(input).error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);

  it("is accepted in a worker profile (8121 in manufacturing)", () => {
    const input = profile([{ sector: "manufacturing", iscoCode: "8121", years: 3 }]);
    expect(profileErrors(input)).toEqual([]);
    expect(workerProfileSchema(today).parse(input).experiences[0]).toMatchObject({ iscoCode: "8121" });
  });

  it("is accepted with whichever sector the agency gives: the schema does not tie occupations to sectors", () => {
    expect(profileErrors(profile([{ sector: "construction", iscoCode: "9331", years: 1 }]))).toEqual([]);
    expect(profileErrors(profile([{ sector: "cruise", iscoCode: "8121", years: 1 }]))).toEqual([]);
  });

  it("is accepted in a job order and a kiosk vacancy", () => {
    const order = orderInput({ iscoCode: "8211", sector: "manufacturing", country: "KR", vesselName: undefined });
    expect(jobOrderSchema(today).safeParse(order).error?.issues ?? []).toEqual([]);
    const vacancy = vacancySchema(today).safeParse({
      iscoCode: "8211",
      sector: "manufacturing",
      country: "kr",
      positions: 5,
      startMonth: `${Number(today.slice(0, 4)) + 1}-03`,
      contractMonths: 36,
    });
    expect(vacancy.error?.issues ?? []).toEqual([]);
  });
});
