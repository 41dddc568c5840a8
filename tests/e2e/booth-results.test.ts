import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { eventSchema } from "~/domain/booth/event-schema";
import { LEAD_CONSENT_VERSION } from "~/domain/booth/lead-schema";
import { addDays, addMonths, isoDay } from "~/domain/dates";
import { createEvent } from "~/services/booth/create-event.server";
import { insertLeadOnce } from "~db/leads";
import { ARTIFACTS, axeViolations, logInOn, overflowsHorizontally, sharedBrowser } from "../support/browser";
import { orgWithUser, testDeps } from "../support/fixtures";

// An event's results page in Chromium on a phone, without JavaScript: the bars are drawn by the server, the page
// does not scroll sideways and passes axe, in English and Bahasa Indonesia.

const deps = testDeps();
const browser = sharedBrowser(deps);
const base = inject("baseUrl");

describe("the results page on a phone", () => {
  it.each(["en-GB", "id-ID"])(
    "%s: bars without JavaScript, no sideways scrolling, no axe findings",
    async (locale) => {
      const ministry = await orgWithUser(deps, "ministry");
      const today = isoDay(deps.now());
      const admin = {
        userId: ministry.user.id,
        orgId: ministry.org.id,
        orgKind: "ministry" as const,
        role: "admin" as const,
      };
      const event = await createEvent(
        deps,
        admin,
        eventSchema(today).parse({
          name: `Results fair ${locale} ${randomUUID().slice(0, 6)}`,
          city: "Miami Beach",
          country: "US",
          venue: "Convention Center",
          startsOn: addDays(today, -2),
          endsOn: today,
          kioskLocales: ["en", "id"],
        }),
      );
      const codes = ["5131", "5120", "9112", "8350", "5322"];
      for (let i = 0; i < 24; i++)
        await insertLeadOnce(
          deps.db,
          {
            id: randomUUID(),
            eventId: event.id,
            deviceId: null,
            source: i % 4 === 0 ? "phone" : "kiosk",
            capturedAt: deps.now(),
            locale: "en",
            name: `Visitor ${i}`,
            company: `Line ${i}`,
            jobTitle: null,
            email: `v${i}@results-e2e.example`,
            phone: null,
            country: "NO",
            website: null,
            consentContact: true,
            consentShare: i % 3 !== 0,
            consentVersion: LEAD_CONSENT_VERSION,
            vacancy: {
              iscoCode: codes[i % codes.length]!,
              sector: "cruise",
              country: i % 2 ? "US" : "BS",
              positions: 3 + i,
              startMonth: addMonths(today, 2).slice(0, 7),
              contractMonths: 8,
              languages: [],
              certificates: [],
            },
          },
          deps.now(),
        );

      const url = `${base}/events/${event.slug}/results`;
      const phone = { locale, viewport: { width: 360, height: 740 }, hasTouch: true };
      // with JavaScript: the layout and axe (which runs in the page)
      const context = await browser.get().newContext(phone);
      const page = await context.newPage();
      try {
        await logInOn(page, base, ministry.email, ministry.password);
        expect((await page.goto(url))?.status()).toBe(200);
        expect(await overflowsHorizontally(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `booth-results-phone-${locale}.png`), fullPage: true });
      } finally {
        await context.close();
      }
      // without JavaScript: the bars are there all the same, drawn by the server
      const plain = await browser.get().newContext({ ...phone, javaScriptEnabled: false });
      const noJs = await plain.newPage();
      try {
        await logInOn(noJs, base, ministry.email, ministry.password);
        expect((await noJs.goto(url))?.status()).toBe(200);
        const bars = noJs.locator(".results-bars .results-bar");
        expect(await bars.count()).toBeGreaterThan(8);
        const widest = await bars.first().boundingBox();
        expect(widest?.width ?? 0).toBeGreaterThan(60);
      } finally {
        await plain.close();
      }
    },
    60_000,
  );
});
