// A candidate's way through one job order (docs/decisions/008-shortlists.md), from an agency's shortlist to departure.
// Only these moves exist; everything else is refused.
//   shortlisted → proposed (agency; only if every hard gate still passes)
//   proposed → interview (employer) → selected (employer; only while a position is open)
//   proposed | interview → selected | rejected (employer, with a reason)
//   selected → contract_signed → departed (agency)
//   any stage before departure → withdrawn (agency, with a reason)

export const STAGES = [
  "shortlisted",
  "proposed",
  "interview",
  "selected",
  "contract_signed",
  "departed",
  "withdrawn",
  "rejected",
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_ACTIONS = [
  "propose",
  "request_interview",
  "select",
  "reject",
  "sign_contract",
  "depart",
  "withdraw",
] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

export type StageActor = "agency" | "employer";

interface Rule {
  from: readonly Stage[];
  to: Stage;
  by: StageActor;
  /** a reason code is required (and kept for statistics) */
  reason?: readonly string[];
}

export const WITHDRAW_REASONS = ["worker_declined", "worker_unavailable", "gate_failed", "documents", "other"] as const;
export const REJECT_REASONS = ["skills", "language", "experience", "interview", "position_filled", "other"] as const;
export type StageReason = (typeof WITHDRAW_REASONS)[number] | (typeof REJECT_REASONS)[number];

export const STAGE_RULES: Record<StageAction, Rule> = {
  propose: { from: ["shortlisted"], to: "proposed", by: "agency" },
  request_interview: { from: ["proposed"], to: "interview", by: "employer" },
  select: { from: ["proposed", "interview"], to: "selected", by: "employer" },
  reject: { from: ["proposed", "interview"], to: "rejected", by: "employer", reason: REJECT_REASONS },
  sign_contract: { from: ["selected"], to: "contract_signed", by: "agency" },
  depart: { from: ["contract_signed"], to: "departed", by: "agency" },
  withdraw: {
    from: ["shortlisted", "proposed", "interview", "selected", "contract_signed"],
    to: "withdrawn",
    by: "agency",
    reason: WITHDRAW_REASONS,
  },
};

export type StageMove = { ok: true; to: Stage } | { ok: false; why: "actor" | "stage" | "reason" };

export function moveStage(from: Stage, action: StageAction, by: StageActor, reason?: string | null): StageMove {
  const rule = STAGE_RULES[action];
  if (rule.by !== by) return { ok: false, why: "actor" };
  if (!rule.from.includes(from)) return { ok: false, why: "stage" };
  if (rule.reason && !(reason && rule.reason.includes(reason))) return { ok: false, why: "reason" };
  return { ok: true, to: rule.to };
}

/** The moves this side could make from a stage (to show only buttons that work). */
export function stageActions(from: Stage, by: StageActor): StageAction[] {
  return STAGE_ACTIONS.filter((a) => STAGE_RULES[a].by === by && STAGE_RULES[a].from.includes(from));
}

/** Stages that hold one of the order's positions. */
export const SLOT_STAGES: readonly Stage[] = ["selected", "contract_signed", "departed"];
export const holdsSlot = (s: Stage) => SLOT_STAGES.includes(s);

/** Stages the employer sees: proposed onwards (never an agency's private shortlist). */
export const EMPLOYER_STAGES: readonly Stage[] = [
  "proposed",
  "interview",
  "selected",
  "contract_signed",
  "departed",
  "rejected",
];

/** A stage that is over: nothing more happens to the candidate on this order. */
export const isFinal = (s: Stage) => s === "departed" || s === "withdrawn" || s === "rejected";

/** The worker's status once a move is made on an order (null: unchanged). */
export function workerStatusAfter(from: Stage, to: Stage): "available" | "in_process" | "placed" | null {
  if (to === "selected") return "in_process";
  if (to === "departed") return "placed";
  if ((to === "withdrawn" || to === "rejected") && holdsSlot(from)) return "available";
  return null;
}

/** Age band shown instead of a date of birth (an anonymised profile never carries the exact date). */
export function ageBand(dateOfBirth: string, today: string): string {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (age < 25) return "18-24";
  if (age >= 50) return "50+";
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

/**
 * A short, order-local candidate code for the employer ("C-4F7Q2K"), derived from the shortlist entry (not the
 * worker): the same person proposed for two orders gets two unrelated codes.
 */
export function candidateCode(entryId: string): string {
  return `C-${entryId.replace(/-/g, "").slice(0, 6).toUpperCase()}`;
}
