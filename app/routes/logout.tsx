import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/services/auth/sessions.server";
import { setFlash } from "~/web/flash.server";
import { getSessionToken } from "~/web/session.server";

// GET never mutates: visiting /logout only sends you home.
export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  await endSession(context.deps, await getSessionToken(request, context));
  const headers = new Headers();
  headers.append("Set-Cookie", await context.cookies.session.serialize("", { maxAge: 0 }));
  headers.append("Set-Cookie", await setFlash(context, "flash.logged_out"));
  return redirect("/", { headers });
}
