// Cross-site request forgery: SameSite=Lax cookies plus this Origin check on every mutating request
// (docs/decisions/003-csrf.md). Runs in the HTTP server before Remix sees the request.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestFacts {
  method: string;
  path: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  authorization: string | undefined;
  /** the Cookie header: the ambient credential a forged request would ride on */
  cookie: string | undefined;
}

export type CsrfVerdict = null | "cross-site" | "missing-origin";

export function checkSameOrigin(r: RequestFacts): CsrfVerdict {
  if (SAFE_METHODS.has(r.method.toUpperCase())) return null;
  // API calls authenticate with a bearer key, never with cookies, and a browser cannot attach that header
  // cross-site without a CORS preflight that Jembatan never grants.
  if (r.path.startsWith("/api/") && r.authorization?.startsWith("Bearer ")) return null;
  // An API call that carries no credential at all (no key, no cookie) has nothing a forger could borrow: let it
  // through so the API itself answers 401 in its error format. With a cookie, the check below still applies.
  if (r.path.startsWith("/api/") && !r.authorization && !r.cookie) return null;
  if (r.secFetchSite === "cross-site") return "cross-site";
  const source = r.origin && r.origin !== "null" ? r.origin : r.referer;
  if (!source || !r.host) return "missing-origin";
  let sourceHost: string;
  try {
    sourceHost = new URL(source).host;
  } catch {
    return "cross-site";
  }
  return sourceHost.toLowerCase() === r.host.toLowerCase() ? null : "cross-site";
}
