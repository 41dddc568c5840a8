import { randomInt } from "node:crypto";
import { inject } from "vitest";

export interface CookieAttrs {
  value: string;
  attrs: Record<string, string | true>;
}

/**
 * A tiny browser stand-in over real HTTP: keeps cookies, sends a same-site Origin on POST unless told
 * otherwise, and uses its own client address (X-Forwarded-For; the test server trusts it).
 */
export class Client {
  readonly baseUrl: string = inject("baseUrl");
  readonly ip: string;
  readonly cookies = new Map<string, string>();
  lastSetCookies: Map<string, CookieAttrs> = new Map();

  /** `ip`: share a client address with another client (people behind one NAT); default: an address of its own. */
  constructor(opts: { ip?: string; baseUrl?: string } = {}) {
    this.ip = opts.ip ?? `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    if (opts.baseUrl) this.baseUrl = opts.baseUrl;
  }

  private headers(extra: Record<string, string> = {}): Headers {
    const h = new Headers({ "X-Forwarded-For": this.ip, ...extra });
    if (this.cookies.size) h.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return h;
  }

  private remember(res: Response) {
    this.lastSetCookies = new Map();
    for (const raw of res.headers.getSetCookie()) {
      const [pair = "", ...rest] = raw.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attrs: Record<string, string | true> = {};
      for (const a of rest) {
        const [k = "", v] = a.trim().split("=");
        attrs[k.toLowerCase()] = v ?? true;
      }
      this.lastSetCookies.set(name, { value, attrs });
      const expired =
        attrs["max-age"] === "0" ||
        (typeof attrs.expires === "string" && new Date(attrs.expires).getTime() < Date.now());
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.baseUrl + path, { headers: this.headers(headers), redirect: "manual" });
    this.remember(res);
    return res;
  }

  /** A form POST as a browser without JavaScript sends it (same-site Origin unless `origin` is given). */
  async post(
    path: string,
    form: Record<string, string>,
    opts: { origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const origin = opts.origin === undefined ? this.baseUrl : opts.origin;
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      headers: this.headers({
        "Content-Type": "application/x-www-form-urlencoded",
        ...(origin === null ? {} : { Origin: origin }),
        ...opts.headers,
      }),
      body: new URLSearchParams(form),
      redirect: "manual",
    });
    this.remember(res);
    return res;
  }

  async logIn(email: string, password: string): Promise<Response> {
    return this.post("/login", { email, password });
  }
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

/** A form with repeated fields (several checkboxes of one name) in the shape `Client.post` takes. */
export const formFields = (fields: Record<string, string | string[]>) =>
  Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x])) as unknown as Record<
    string,
    string
  >;
