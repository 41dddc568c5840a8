// Response headers every answer carries (docs/decisions/010-abuse-limits.md, "Headers"). helmet sets the
// well-known ones; Permissions-Policy and Cache-Control are ours. Wired with one `app.use` in
// scripts/http-server.ts, before the static files and Remix.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";

export interface SecurityHeaderOptions {
  /** NODE_ENV=production: HSTS is sent (browsers ignore it over plain http, so local http use is unaffected) */
  production: boolean;
  /**
   * `npm run dev`: the page's live-reload script connects to Remix's dev server on its own port (a WebSocket to
   * REMIX_DEV_ORIGIN), which `connect-src 'self'` would block. Never set outside development.
   */
  liveReloadOrigin?: string;
}

/** Features Jembatan never uses: denied to the page and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "browsing-topics=()",
].join(", ");

type Res = ServerResponse & { locals?: Record<string, unknown> };
type Next = (err?: unknown) => void;

/** The per-request nonce set by `securityHeaders` (Remix gets it through the load context). */
export function cspNonceOf(res: { locals?: Record<string, unknown> }): string {
  const n = res.locals?.cspNonce;
  return typeof n === "string" ? n : "";
}

/**
 * CSP: scripts only from this origin or inline with this request's nonce (Remix's hydration scripts get it in
 * app/entry.server.tsx); styles from the linked CSS file, plus `style` attributes (React renders a few; an
 * attribute cannot run script). No framing (frame-ancestors 'none' and X-Frame-Options DENY).
 */
export function helmetOptions(opts: SecurityHeaderOptions): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${cspNonceOf(res as Res)}'`],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": [
          "'self'",
          ...(opts.liveReloadOrigin ? [new URL(opts.liveReloadOrigin).origin.replace(/^http/, "ws")] : []),
        ],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'none'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
      },
    },
    strictTransportSecurity: opts.production ? { maxAge: 365 * 86_400, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Signed-in pages (they carry the session cookie), a kiosk's pages (its device cookie) and every API answer must
 * never be stored by a cache.
 */
export function mustNotStore(path: string, cookieHeader: string | undefined): boolean {
  // The built assets (content-hashed, public) keep their long-lived caching: express.static only sets
  // Cache-Control when nothing set it before.
  if (path.startsWith("/build/")) return false;
  return path.startsWith("/api/") || /(?:^|;\s*)jmb_(?:session|kiosk)=/.test(cookieHeader ?? "");
}

export function securityHeaders(opts: SecurityHeaderOptions) {
  const h = helmet(helmetOptions(opts));
  return (req: IncomingMessage & { path?: string }, res: Res, next: Next) => {
    res.locals ??= {};
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    // Routes and express.static may set their own Cache-Control afterwards (static assets: long-lived).
    if (mustNotStore(req.path ?? new URL(req.url ?? "/", "http://x").pathname, req.headers.cookie))
      res.setHeader("Cache-Control", "no-store");
    h(req, res, next);
  };
}
