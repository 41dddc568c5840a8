import { describe, expect, it } from "vitest";
import { anonymise } from "~/domain/shortlists/anonymise";
import { StageMoveSchema } from "~/domain/shortlists/schema";
import {
  ageBand,
  candidateCode,
  moveStage,
  STAGE_ACTIONS,
  STAGES,
  stageActions,
  workerStatusAfter,
  type StageActor,
} from "~/domain/shortlists/stages";

// The stages written out independently of STAGE_RULES: "from --action(side)--> to".
const ALLOWED = new Set([
  "shortlisted --propose(agency)--> proposed",
  "proposed --request_interview(employer)--> interview",
  "proposed --select(employer)--> selected",
  "interview --select(employer)--> selected",
  "proposed --reject(employer)--> rejected",
  "interview --reject(employer)--> rejected",
  "selected --sign_contract(agency)--> contract_signed",
  "contract_signed --depart(agency)--> departed",
  "shortlisted --withdraw(agency)--> withdrawn",
  "proposed --withdraw(agency)--> withdrawn",
  "interview --withdraw(agency)--> withdrawn",
  "selected --withdraw(agency)--> withdrawn",
  "contract_signed --withdraw(agency)--> withdrawn",
]);

describe("shortlist stages", () => {
  it("allow exactly the specified moves, for the specified side (every stage × action × side)", () => {
    const allowed: string[] = [];
    for (const from of STAGES)
      for (const action of STAGE_ACTIONS)
        for (const by of ["agency", "employer"] as StageActor[]) {
          const r = moveStage(from, action, by, "other");
          if (r.ok) allowed.push(`${from} --${action}(${by})--> ${r.to}`);
        }
    expect(new Set(allowed)).toEqual(ALLOWED);
  });

  it("say why a move is refused, and need a reason of the right list to withdraw or reject", () => {
    expect(moveStage("shortlisted", "select", "employer")).toEqual({ ok: false, why: "stage" });
    expect(moveStage("proposed", "select", "agency")).toEqual({ ok: false, why: "actor" });
    expect(moveStage("proposed", "withdraw", "agency")).toEqual({ ok: false, why: "reason" });
    expect(moveStage("proposed", "withdraw", "agency", "language")).toEqual({ ok: false, why: "reason" }); // an employer's reason
    expect(moveStage("proposed", "reject", "employer", "language")).toEqual({ ok: true, to: "rejected" });
    for (const final of ["departed", "withdrawn", "rejected"] as const)
      expect(stageActions(final, "agency").concat(stageActions(final, "employer"))).toEqual([]);
    expect(StageMoveSchema.safeParse({ action: "withdraw" }).success).toBe(false);
    expect(StageMoveSchema.safeParse({ action: "withdraw", reason: "skills" }).success).toBe(false);
    expect(StageMoveSchema.safeParse({ action: "withdraw", reason: "worker_declined" }).success).toBe(true);
    expect(StageMoveSchema.safeParse({ action: "propose", reason: "" }).success).toBe(true);
  });

  it("move the worker's status: selected → in process, departed → placed, released → available", () => {
    expect(workerStatusAfter("interview", "selected")).toBe("in_process");
    expect(workerStatusAfter("contract_signed", "departed")).toBe("placed");
    expect(workerStatusAfter("selected", "withdrawn")).toBe("available");
    expect(workerStatusAfter("proposed", "rejected")).toBeNull();
    expect(workerStatusAfter("shortlisted", "proposed")).toBeNull();
  });
});

describe("anonymised candidates", () => {
  it("band ages at their birthdays", () => {
    expect(ageBand("2000-06-15", "2025-06-14")).toBe("18-24"); // 24 until the day before
    expect(ageBand("2000-06-15", "2025-06-15")).toBe("25-29");
    expect(ageBand("1976-01-01", "2025-12-31")).toBe("45-49");
    expect(ageBand("1975-01-01", "2025-01-01")).toBe("50+");
  });

  it("keep competencies, best language level and latest certificate month; nothing else", () => {
    const c = anonymise(
      "4f7a2b9c-0000-4000-8000-000000000000",
      {
        date_of_birth: "1996-04-12",
        province_code: "33",
        profile: {
          experiences: [{ sector: "cruise", iscoCode: "5131", years: 4, employer: "Royal Line" }],
          languages: [
            { code: "en", kind: "ielts", score: 5 },
            { code: "en", kind: "toeic", score: 800 },
          ],
          certificates: [
            { code: "stcw_bst", number: "6201234567", expiresOn: "2027-02-01" },
            { code: "stcw_bst", expiresOn: "2029-03-31" },
            { code: "food_safety" },
          ],
          preferredCountries: ["US"],
        },
      },
      "2026-11-23",
    );
    expect(c).toEqual({
      code: "C-4F7A2B",
      experiences: [{ sector: "cruise", iscoCode: "5131", years: 4 }],
      languages: [{ code: "en", level: "B2" }],
      certificates: [
        { code: "stcw_bst", validUntil: "2029-03" },
        { code: "food_safety", validUntil: null },
      ],
      ageBand: "30-34",
      provinceCode: "33",
    });
    expect(JSON.stringify(c)).not.toMatch(/Royal Line|6201234567|1996|US/);
    expect(candidateCode("4f7a2b9c-0000-4000-8000-000000000000")).toBe("C-4F7A2B");
  });
});
