import { describe, expect, it } from "vitest";
import { isoDay } from "~/domain/dates";
import { jobOrderSchema } from "~/domain/job-orders/schema";
import { SignupSchema } from "~/domain/schemas/auth";
import { NoteSchema } from "~/domain/shortlists/schema";
import { hasVisibleCharacter, text } from "~/domain/text-schema";
import { orderInput } from "../support/order-input";

/** the suite's today: these tests check windows around it, so the schemas are built for it */
const today = isoDay(new Date());

// The one rule for free text (docs/decisions/010-input-limits.md): what cannot be stored or seen is a field error.

const title = text({ min: 3, max: 120, tooShort: "errors.title_short" });
const body = text({ min: 1, max: 2000, multiline: true });
const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe("free text", () => {
  it.each([
    ["NUL", "a\u0000b"],
    ["bell", "Cook\u0007"],
    ["escape", "\u001b[31mred"],
    ["DEL", "Cook\u007f"],
    ["C1 control", "Cook\u0085x"],
    ["lone high surrogate", "Cook \ud800"],
    ["lone low surrogate", "\udc00Cook"],
    ["reversed pair", "Cook \udc00\ud800"],
    ["newline in a one-line field", "Cook\nhelper"],
    ["tab in a one-line field", "Cook\thelper"],
  ])("refuses %s", (_, v) => {
    expect(messageOf(title.safeParse(v))).toBe("errors.text_invalid_characters");
  });

  it.each([
    ["zero-width spaces", "\u200b\u200b\u200b\u200b"],
    ["joiners and marks", "\u200c\u200d\u200e\u200f"],
    ["word joiner and BOM", "\u2060\ufeff\u2060\ufeff"],
    ["soft hyphens", "\u00ad\u00ad\u00ad"],
    ["combining marks alone", "\u0301\u0302\u0303"],
    ["Hangul fillers", "\u3164\u3164\u3164"],
    ["blank Braille", "\u2800\u2800\u2800"],
    ["spaces around a zero-width space", "\u3000\u00a0\u200b\u2007\u202f"],
    ["variation selectors", "\ufe0f\ufe0f\ufe0f"],
  ])("refuses content made only of %s", (_, v) => {
    expect(messageOf(title.safeParse(v))).toBe("errors.text_invisible_only");
    expect(hasVisibleCharacter(v)).toBe(false);
  });

  it("keeps real text, NFC-normalised and trimmed; an emoji, a ZWJ sequence and Arabic with marks are text", () => {
    expect(title.parse("  Caf\u0065\u0301 cook ")).toBe("Caf\u00e9 cook");
    expect(title.parse("👩‍🍳 chef")).toBe("👩‍🍳 chef");
    expect(title.parse("طباخ ماهر")).toBe("طباخ ماهر");
    expect(title.parse("Juru masak 😀")).toBe("Juru masak 😀");
  });

  it("multi-line fields keep tab, newline and carriage return but still refuse NUL and lone surrogates", () => {
    expect(body.parse("Line one\r\n\tLine two")).toBe("Line one\r\n\tLine two");
    expect(messageOf(body.safeParse("a\u0000"))).toBe("errors.text_invalid_characters");
    expect(messageOf(body.safeParse("a\ud800"))).toBe("errors.text_invalid_characters");
    expect(messageOf(body.safeParse("\n\u200b\n"))).toBe("errors.text_invisible_only");
  });

  it("an empty optional field stays empty; length is measured after normalising", () => {
    expect(text({ max: 10 }).parse("   ")).toBe("");
    expect(messageOf(title.safeParse("  "))).toBe("errors.title_short");
    expect(messageOf(title.safeParse("x".repeat(121)))).toBe("errors.too_long");
  });

  it("the shared schemas use it: job-order title, note body, signup name", () => {
    const order = jobOrderSchema(today).safeParse(orderInput({ title: "\u200b\u200b\u200b\u200b" }));
    expect(order.success).toBe(false);
    expect(order.error!.issues.find((i) => i.path[0] === "title")?.message).toBe("errors.text_invisible_only");
    expect(messageOf(NoteSchema.safeParse({ body: "\ud800" }))).toBe("errors.text_invalid_characters");
    const signup = SignupSchema.safeParse({
      name: "a\u0000",
      email: "a@b.example",
      password: "long-enough-pass",
      organisationName: "Acme Ltd",
      country: "MT",
    });
    expect(signup.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "errors.text_invalid_characters"],
    ]);
  });

  it("signup refuses Indonesia as an employer's country, as the form hides it", () => {
    const r = SignupSchema.safeParse({
      name: "Ani",
      email: "a@b.example",
      password: "long-enough-pass",
      organisationName: "Acme Ltd",
      country: "ID",
    });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["country", "errors.employer_country_abroad"],
    ]);
  });
});

describe("text found by the hostile review", () => {
  const title = text({ max: 120, min: 1 });
  const note = text({ max: 2000, min: 1, multiline: true });
  it.each([
    ["noncharacters", "\uffff\uffff\uffff", "errors.text_invalid_characters"],
    ["noncharacters U+FDD0", "\ufdd0\ufdd1\ufdd2", "errors.text_invalid_characters"],
    ["private use only", "\ue000\ue000\ue000", "errors.text_invisible_only"],
    ["object replacement only", "\ufffc", "errors.text_invisible_only"],
    ["skin-tone modifiers alone", "\u{1f3fb}\u{1f3fc}", "errors.text_invisible_only"],
    ["a line separator in a one-line field", "a\u2028b", "errors.text_invalid_characters"],
    ["a right-to-left override", "\u202eretiaW", "errors.text_invalid_characters"],
  ])("refuses %s", (_what, value, message) => {
    const r = title.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
  it("keeps real text: Arabic, an emoji with a skin tone, a private-use character among letters, a line separator in a note", () => {
    for (const v of ["محمد علي", "👍🏽 ok", "Ab\ue000c"]) expect(title.safeParse(v).success).toBe(true);
    expect(note.safeParse("line one\u2028line two").success).toBe(true);
  });
});
