import type { MessageKey } from "~/i18n/en";
import { isMessageKey } from "~/i18n/translate";
import type { RequestContext } from "./context.server";

export async function setFlash(ctx: RequestContext, key: MessageKey): Promise<string> {
  return ctx.cookies.flash.serialize(key);
}

/** Reads the one-shot message and returns the header that clears it. */
export async function takeFlash(
  request: Request,
  ctx: RequestContext,
): Promise<{ flash: MessageKey | null; clear: string | null }> {
  const value: unknown = await ctx.cookies.flash.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !isMessageKey(value)) return { flash: null, clear: null };
  return { flash: value, clear: await ctx.cookies.flash.serialize("", { maxAge: 0 }) };
}
