import { inject } from "vitest";
import { unsafeCreateApiKey } from "~/services/api-keys/api-keys.server";
import type { Deps } from "~/services/deps.server";
import { updateOrg } from "~db/orgs";
import type { Org } from "~db/orgs";
import { orgWithUser } from "./fixtures";

export { orderForm, orderInput } from "./order-input";

export interface ApiOrg {
  org: Org;
  key: string;
  email: string;
  password: string;
  // API answers are read as loosely as a client would; each test asserts the shape it relies on.
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; json: any }>;
}

/** An organisation with a user and an API key, and a JSON client acting as it. */
export async function apiOrg(
  deps: Deps,
  kind: "employer" | "mission" | "agency" | "ministry",
  extra: Record<string, unknown> = {},
): Promise<ApiOrg> {
  const made = await orgWithUser(deps, kind, { extra });
  if (kind === "employer") {
    await updateOrg(deps.db, made.org.id, {
      registration_number: "C 12345",
      address: "1 Harbour Street, Valletta VLT 1000, Malta",
      contact_email: "hr@example.com",
      contact_phone: "+356 2122 0000",
    });
  }
  return apiFor(deps, made);
}

/** An API key and a JSON client for an organisation made elsewhere (e.g. the employer of a verified order). */
export async function apiFor(deps: Deps, made: { org: Org; email: string; password: string }): Promise<ApiOrg> {
  const { key } = await unsafeCreateApiKey(deps, made.org, "test", { userId: null, label: "test" });
  return {
    org: made.org,
    key,
    email: made.email,
    password: made.password,
    async call(method, path, body, headers = {}) {
      const res = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
  };
}
