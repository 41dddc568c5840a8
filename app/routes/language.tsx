import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { safeRedirect } from "~/domain/schemas/auth";
import { SetLanguageSchema } from "~/domain/schemas/org";
import { rememberLocale } from "~/services/users/users.server";
import { textError } from "~/web/errors.server";
import { getLocale } from "~/web/locale.server";
import { getSignedIn } from "~/web/session.server";

export const loader = () => redirect("/");

/** The language switcher: remembered in a cookie, and on the account when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetLanguageSchema });
  if (submission.status !== "success") throw textError(await getLocale(request, context), 400, "errors.invalid");
  const { lang, redirectTo } = submission.value;
  const signedIn = await getSignedIn(request, context);
  if (signedIn) await rememberLocale(context.deps, signedIn.user.id, lang);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await context.cookies.lang.serialize(lang) },
  });
}
