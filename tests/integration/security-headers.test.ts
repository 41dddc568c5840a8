import { afterAll, describe, expect, it } from "vitest";
import { helmetOptions, mustNotStore, PERMISSIONS_POLICY, securityHeaders } from "~/web/security-headers.server";
import { Client } from "../support/http";
import { orgWithUser, testDeps } from "../support/fixtures";
import { apiOrg } from "../support/job-orders";
import { sharedBrowser } from "../support/browser";

const deps = testDeps();
const browser = sharedBrowser(deps);

const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

describe("security headers over HTTP", () => {
  it("a page carries a CSP whose nonce is on every inline script and differs per request", async () => {
    const c = new Client();
    const a = await c.get("/login");
    const b = await c.get("/login");
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const n1 = nonceOf(csp);
    const n2 = nonceOf(b.headers.get("content-security-policy") ?? "");
    expect(n1).toBeTruthy();
    expect(n1).not.toBe(n2);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) {
      // inline scripts need the nonce; external ones come from this origin ('self') and carry it too
      expect(attrs).toContain(`nonce="${n1}"`);
    }
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("permissions-policy")).toBe(PERMISSIONS_POLICY);
    expect(a.headers.get("permissions-policy")).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    // a public page, not signed in: cacheable as the route decides (no forced no-store)
    expect(a.headers.get("cache-control")).not.toBe("no-store");
  });

  it("every signed-in page and every API answer is no-store", async () => {
    const { email, password } = await orgWithUser(deps, "employer");
    const c = new Client();
    await c.logIn(email, password);
    for (const path of ["/dashboard", "/job-orders", "/notifications", "/"]) {
      const res = await c.get(path);
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const api = await apiOrg(deps, "employer");
    const me = await fetch(`${c.baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${api.key}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const anon = await fetch(`${c.baseUrl}/api/v1/me`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get("cache-control")).toBe("no-store");
    // static build files stay long-lived even for a signed-in browser
    const html = await (await c.get("/dashboard")).text();
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    expect((await c.get(asset!)).headers.get("cache-control")).toContain("immutable");
  });

  it("HSTS only in production (the test server runs with NODE_ENV=production)", async () => {
    const res = await new Client().get("/");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(helmetOptions({ production: false })?.strictTransportSecurity).toBe(false);
    // the builder itself, without a server: development sends no HSTS but the same CSP
    const headers = new Map<string, string>();
    const res2 = {
      setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), String(v)),
      getHeader: (k: string) => headers.get(k.toLowerCase()),
      removeHeader: (k: string) => headers.delete(k.toLowerCase()),
      locals: {} as Record<string, unknown>,
    };
    await new Promise<void>((resolve, reject) =>
      securityHeaders({ production: false })(
        { path: "/", url: "/", headers: {}, method: "GET" } as never,
        res2 as never,
        (e?: unknown) => (e ? reject(e) : resolve()),
      ),
    );
    expect(headers.has("strict-transport-security")).toBe(false);
    expect(headers.get("content-security-policy")).toContain(`'nonce-${String(res2.locals.cspNonce)}'`);
    expect(mustNotStore("/api/v1/job-orders", undefined)).toBe(true);
    expect(mustNotStore("/jobs", "jmb_lang=id")).toBe(false);
    expect(mustNotStore("/jobs", "jmb_lang=id; jmb_session=abc")).toBe(true);
    expect(mustNotStore("/booth/seatrade", "jmb_lang=id; jmb_kiosk=abc")).toBe(true);
  });

  it("the app hydrates in Chromium with no CSP violation", async () => {
    const context = await browser.get().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text()))
        violations.push(`${m.text()} ${JSON.stringify(m.location())}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(
          `Refused to (CSP) ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        ),
      );
    });
    const base = new Client().baseUrl;
    for (const path of ["/", "/jobs", "/signup", "/login"]) {
      await page.goto(base + path);
      await page.waitForLoadState("networkidle");
    }
    // client-side validation only works once React has hydrated
    await page.locator("#login-email").fill("not-an-email");
    await page.locator("#login-password").focus();
    await page.getByText("Enter a valid email address.").waitFor();
    // a client-side navigation (scripts from /build, data over single fetch)
    await page.getByRole("link", { name: "Employer sign-up" }).first().click();
    await page.waitForURL(`${base}/signup`);
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    await context.close();
  });
});

afterAll(() => undefined);
