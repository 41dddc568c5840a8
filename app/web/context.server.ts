import type { ServerEnv } from "~/env.server";
import type { Deps } from "~/services/deps.server";
import type { AppCookies } from "./cookies.server";

/** Built once per process by scripts/http-server.ts; every loader and action receives it as `context`. */
export interface AppContext {
  deps: Deps;
  env: ServerEnv;
  cookies: AppCookies;
}

/** Per request: the app context plus what only the HTTP layer knows. */
export interface RequestContext extends AppContext {
  clientIp: string;
  /** this response's CSP nonce (app/web/security-headers.server.ts); Remix puts it on its inline scripts */
  cspNonce: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
