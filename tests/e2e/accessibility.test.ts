import { describe, expect, inject, it } from "vitest";
import { unsafeChangeLicence } from "~/services/orgs/admin-orgs.server";
import { inviteMember } from "~/services/orgs/invitations.server";
import { actorOf } from "~/services/auth/sessions.server";
import { orgWithUser, testDeps } from "../support/fixtures";
import { apiOrg, orderInput } from "../support/job-orders";
import { workerInput } from "../support/workers";
import { saveWorker } from "~/services/workers/save-worker.server";
import { axeViolations, sharedBrowser, logInOn } from "../support/browser";
import { createEventViaPage, enrolKioskViaPage } from "../support/booth";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { Client, unique } from "../support/http";

const deps = testDeps();
const browser = sharedBrowser(deps);
const base = inject("baseUrl");

describe("every page passes axe in both languages", () => {
  it.each(["en-GB", "id-ID"])(
    "%s",
    async (locale) => {
      const ministry = await orgWithUser(deps, "ministry");
      const employer = await apiOrg(deps, "employer");
      const mission = await orgWithUser(deps, "mission", { extra: { countries: ["US"] } });
      const orderId = (await employer.call("POST", "/job-orders", orderInput())).json.jobOrder.id as string;
      await employer.call("POST", `/job-orders/${orderId}/submit`);
      const agency = await orgWithUser(deps, "agency");
      await unsafeChangeLicence(
        deps,
        agency.org.id,
        { status: "suspended", reason: "axe check", suspendedUntil: "2099-01-01" },
        null,
      );
      const { token } = await inviteMember(deps, actorOf({ user: ministry.user, org: ministry.org }), agency.org.slug, {
        email: `new-${agency.org.slug}@test.example`,
        role: "member",
      });

      // the booth's phone handoff: a live link, a used one (and its thanks), an unknown one
      const adminClient = new Client();
      await adminClient.logIn(ministry.email, ministry.password);
      const slug = await createEventViaPage(adminClient, { name: `Axe fair ${unique("a")}` });
      const { kiosk } = await enrolKioskViaPage(adminClient, slug, "Axe screen");
      const handoff = async () => {
        const res = await kiosk.post(`/booth/${slug}/handoffs`, {
          isco: "5131",
          sector: "cruise",
          country: "US",
          positions: "3",
          start: new Date().toISOString().slice(0, 7),
          months: "8",
          lang: "en:B1",
        });
        expect(res.status).toBe(201);
        return new URL(((await res.json()) as { url: string }).url).pathname;
      };
      const [live, used] = [await handoff(), await handoff()];
      const sent = await new Client().post(used, {
        name: "Axe Visitor",
        company: "Axe Ferries",
        email: "axe@ferries.example",
        country: "US",
        consentContact: "on",
        consentVersion: LEAD_CONSENT_VERSION,
        consentWording: "pdp",
      });
      expect(sent.status).toBe(302);

      const context = await browser.get().newContext({ locale });
      const page = await context.newPage();
      const findings: Record<string, string[]> = {};
      const check = async (url: string) => {
        const res = await page.goto(base + url);
        expect(res?.status(), url).toBeLessThan(500);
        findings[url] = await axeViolations(page);
      };

      for (const url of [
        "/",
        "/login",
        "/signup",
        `/invite/${token}`,
        "/no-such-page",
        "/login?blocked=suspended",
        "/jobs",
        "/verify",
        "/verify/ZZZZZZZZ",
        live,
        used,
        `${used}/thanks`,
        "/booth/h/ACDEFGHJKMNPQRTUVWXY",
      ])
        await check(url);
      const signInAs = async (email: string, password: string) => {
        await context.clearCookies();
        await logInOn(page, base, email, password);
      };
      await signInAs(ministry.email, ministry.password);
      for (const url of [
        "/dashboard",
        `/orgs/${ministry.org.slug}/settings`,
        "/admin/orgs",
        `/admin/orgs/${agency.org.slug}`,
        "/admin/orgs?kind=agency",
        "/admin/problem-employers",
        "/admin/standards",
        "/job-orders",
        `/job-orders/${orderId}`,
      ])
        await check(url);
      await signInAs(employer.email, employer.password);
      for (const url of [
        "/job-orders",
        "/job-orders/new",
        `/job-orders/${orderId}`,
        "/notifications",
        `/orgs/${employer.org.slug}/settings`,
      ])
        await check(url);
      await signInAs(mission.email, mission.password);
      for (const url of ["/verification", `/job-orders/${orderId}`]) await check(url);
      const agencyUser = await orgWithUser(deps, "agency");
      const worker = await saveWorker(
        deps,
        { userId: null, orgId: agencyUser.org.id, orgKind: "agency", role: "admin" },
        workerInput(),
      );
      await signInAs(agencyUser.email, agencyUser.password);
      for (const url of [
        "/workers",
        "/workers?q=siti&sector=cruise",
        "/workers/new",
        "/workers/import",
        "/workers/all",
        "/workers/all?archived=1",
        "/notifications",
        `/workers/${worker.id}`,
        `/workers/${worker.id}?edit`,
        "/jobs",
      ])
        await check(url);

      expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, []])));
      await context.close();
    },
    120_000,
  );
});
