import { DomainError } from "~/domain/errors";

// Public forms carry a field that people never see and bots fill in.
export const HONEYPOT_FIELD = "website";

export function rejectBots(form: FormData): void {
  const v = form.get(HONEYPOT_FIELD);
  if (typeof v === "string" && v.trim() !== "") throw new DomainError("invalid", "errors.bot_detected");
}
