import { normaliseHandoffToken } from "~/domain/booth/handoff";
import type { Vacancy } from "~/domain/booth/vacancy";
import { findHandoffByTokenHash, markHandoffOpened, type BoothHandoff } from "~db/booth-handoffs";
import { findEventById } from "~db/events";
import type { Deps } from "../deps.server";
import { hashHandoffToken } from "./handoff-token.server";

/** What a handoff link leads to: the vacancy and its event while live; why not otherwise. */
export type HandoffState =
  | {
      state: "open";
      handoff: BoothHandoff;
      vacancy: Vacancy;
      event: { id: string; name: string; leadRetentionDays: number };
    }
  | { state: "spent"; vacancy: Vacancy; event: { name: string } }
  | { state: "expired" }
  | { state: "unknown" };

/** Reads a handoff by its link's token, without side effects. */
export async function findHandoff(deps: Deps, rawToken: string): Promise<HandoffState> {
  const token = normaliseHandoffToken(rawToken);
  if (!token) return { state: "unknown" };
  const h = await findHandoffByTokenHash(deps.db, hashHandoffToken(token));
  if (!h) return { state: "unknown" };
  const event = await findEventById(deps.db, h.eventId);
  if (!event) return { state: "unknown" };
  if (h.leadId) return { state: "spent", vacancy: h.vacancy, event: { name: event.name } };
  if (h.expiresAt.getTime() <= deps.now().getTime()) return { state: "expired" };
  return {
    state: "open",
    handoff: h,
    vacancy: h.vacancy,
    event: { id: event.id, name: event.name, leadRetentionDays: event.leadRetentionDays },
  };
}

/** The phone opens its link: as findHandoff, and the first view of a live link is recorded (opened_at). */
export async function openHandoff(deps: Deps, rawToken: string): Promise<HandoffState> {
  const found = await findHandoff(deps, rawToken);
  if (found.state === "open" && !found.handoff.openedAt) await markHandoffOpened(deps.db, found.handoff.id, deps.now());
  return found;
}
