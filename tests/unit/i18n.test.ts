import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { id } from "~/i18n/id";
import { DESTINATION_CODES } from "~/domain/countries";
import { formatDate, formatMoney, formatNumber, negotiateLocale, sortedCountries } from "~/i18n/locales";
import { encodeMessage, translate, translateError } from "~/i18n/translate";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translation catalogues", () => {
  it("Bahasa Indonesia has exactly the English keys, none empty, with the same placeholders", () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const other = id[key as keyof typeof en];
      expect(other.trim(), key).not.toBe("");
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("id", "dashboard.title", { name: "Ani" })).toBe("Selamat datang, Ani");
    expect(translate("en", "dashboard.title")).toBe("Welcome, {name}");
  });

  it("translates encoded error keys with parameters and falls back for anything else", () => {
    const msg = encodeMessage("errors.rate_limited", { minutes: 15 });
    expect(msg).toBe("errors.rate_limited?minutes=15");
    expect(translateError("en", msg)).toBe("Too many attempts. Try again in 15 minutes.");
    expect(translateError("id", msg)).toBe("Terlalu banyak percobaan. Coba lagi dalam 15 menit.");
    expect(translateError("en", "Invalid input: expected string")).toBe(en["errors.invalid"]);
  });
});

describe("Accept-Language negotiation", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["id-ID,id;q=0.9,en-US;q=0.8", "id"],
    ["en-US,en;q=0.9,id;q=0.8", "en"],
    ["fr-FR,fr;q=0.9,id;q=0.5", "id"],
    ["fr-FR;q=1, en;q=0.1, id;q=0.2", "id"],
    ["in-ID", "id"],
    ["de, *;q=0.1", "en"],
    ["id;q=0, en;q=0.5", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("locale formatting", () => {
  it("formats numbers, money and dates per locale", () => {
    expect(formatNumber("en", 297434)).toBe("297,434");
    expect(formatNumber("id", 297434)).toBe("297.434");
    expect(formatMoney("en", 2350.5, "EUR")).toBe("€2,350.50");
    expect(formatMoney("id", 2350.5, "EUR")).toBe("€2.350,50");
    expect(formatMoney("id", 9_500_000, "IDR")).toBe("Rp\u00a09.500.000");
    expect(formatDate("en", "2027-03-01", "long")).toBe("1 March 2027");
    expect(formatDate("id", "2027-03-01", "long")).toBe("1 Maret 2027");
  });
});

describe("country pickers", () => {
  it("name and sort destinations in the reader's language, without Indonesia", () => {
    for (const locale of ["en", "id"] as const) {
      const list = sortedCountries(locale, DESTINATION_CODES);
      expect(list).toHaveLength(DESTINATION_CODES.length);
      expect(list.some((c) => c.code === "ID")).toBe(false);
      const names = list.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, locale)));
      expect(sortedCountries(locale, DESTINATION_CODES)).toBe(list); // sorted once per locale
    }
    expect(sortedCountries("en", DESTINATION_CODES).find((c) => c.code === "DE")?.name).toBe("Germany");
    expect(sortedCountries("id", DESTINATION_CODES).find((c) => c.code === "DE")?.name).toBe("Jerman");
  });
});
