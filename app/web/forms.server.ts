import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { DomainError, type DomainErrorCode } from "~/domain/errors";
import { invalid, replyWithDomainError } from "./errors.server";

// Public forms carry a field that people never see and bots fill in.
export const HONEYPOT_FIELD = "website";

export function rejectBots(form: FormData): void {
  const v = form.get(HONEYPOT_FIELD);
  if (typeof v === "string" && v.trim() !== "") throw new DomainError("invalid", "errors.bot_detected");
}

/**
 * One form of a page with several: parse with its schema (400 with field errors), run the use case, and show the
 * domain errors listed in `showOn` next to the form instead of on an error page.
 */
export async function handleForm<S extends z.ZodType, X extends object>(
  formData: FormData,
  schema: S,
  extra: X,
  run: (value: z.infer<S>) => Promise<Response>,
  showOn: readonly DomainErrorCode[] = [],
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return invalid(submission, extra);
  try {
    return await run(submission.value as z.infer<S>);
  } catch (e) {
    if (e instanceof DomainError && showOn.includes(e.code)) return replyWithDomainError(submission, e, extra);
    throw e;
  }
}
