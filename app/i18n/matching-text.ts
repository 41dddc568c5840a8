import type { GateFailure, GateKey, MatchPriority, OccupationScope } from "~/domain/matching/gates";
import type { Explanation } from "~/domain/matching/explain";
import { certificateShortName } from "~/domain/reference/certificates";
import { occupationTitle } from "~/domain/reference/isco";
import { describeEvidence } from "~/domain/workers/language-evidence";
import type { MessageKey } from "./en";
import { formatDate, languageName, type Locale } from "./locales";
import { translate } from "./translate";

// Matching results as people read them, in their language: the one-line explanation of a rank, the missing
// item of a near miss, and the label of a gate item.

const num = (locale: Locale, n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
/** Years shown rounded down to a tenth, so 1.96 years short of 2 never reads "2 yrs, needs 2". */
const years = (locale: Locale, n: number) => num(locale, Math.floor(n * 10 + 1e-9) / 10);
const sectorName = (locale: Locale, s: string) => translate(locale, `sector.${s}` as MessageKey);

/** "Cook 5 yrs · English B2 (IELTS 6.0) · STCW BST valid to 2029-04" */
export function formatExplanation(locale: Locale, e: Explanation): string {
  const parts: string[] = [];
  if (e.occupation)
    parts.push(
      translate(locale, "match.years", {
        occupation: occupationTitle(e.occupation.iscoCode, locale),
        years: years(locale, e.occupation.years),
      }),
    );
  for (const l of e.languages) {
    const evidence = l.evidence.kind === "cefr" ? "" : ` (${describeEvidence(l.evidence)})`;
    parts.push(`${languageName(locale, l.code)} ${l.level}${evidence}`);
  }
  for (const c of e.certificates) {
    const certificate = certificateShortName(c.code, locale);
    parts.push(
      c.until
        ? translate(locale, "match.valid_to", { certificate, month: c.until.slice(0, 7) })
        : translate(locale, "match.no_expiry", { certificate }),
    );
  }
  return parts.join(" · ");
}

/** "2 months", "3 weeks", "5 days": how far a near miss is from passing. */
export function formatSpan(locale: Locale, days: number): string {
  if (days >= 56) {
    const n = Math.round(days / 30.4375);
    return n === 1 ? translate(locale, "match.span.month") : translate(locale, "match.span.months", { n });
  }
  if (days >= 14) return translate(locale, "match.span.weeks", { n: Math.round(days / 7) });
  if (days >= 7 && days % 7 === 0) return translate(locale, "match.span.week");
  return days === 1 ? translate(locale, "match.span.day") : translate(locale, "match.span.days", { n: days });
}

/** "STCW BST expires 2 months before contract end", "German B1, needs B2", "Available 3 weeks after start". */
export function formatFailure(locale: Locale, f: GateFailure): string {
  switch (f.gate) {
    case "status":
      return translate(locale, `wstatus.${f.status}` as MessageKey);
    case "sector": {
      if (f.scope === "sector")
        return f.years === 0 && !f.held
          ? translate(locale, "match.fail.sector_none", { sector: sectorName(locale, f.sector) })
          : translate(locale, "match.fail.sector_short", {
              sector: sectorName(locale, f.sector),
              years: years(locale, f.years),
              needed: f.needed,
            });
      const occupation = occupationTitle(f.iscoCode, locale);
      const kind = f.scope === "unit" ? "occupation" : "related";
      return f.held
        ? translate(locale, `match.fail.${kind}_short`, { occupation, years: years(locale, f.years), needed: f.needed })
        : translate(locale, `match.fail.${kind}_none`, { occupation });
    }
    case "language":
      return f.has === null
        ? translate(locale, "match.fail.language_none", { language: languageName(locale, f.code), needs: f.needs })
        : translate(locale, "match.fail.language_low", {
            language: languageName(locale, f.code),
            has: f.evidence && f.evidence.kind !== "cefr" ? `${f.has} (${describeEvidence(f.evidence)})` : f.has,
            needs: f.needs,
          });
    case "certificate":
      return f.shortByDays === null
        ? translate(locale, "match.fail.certificate_none", { certificate: certificateShortName(f.code, locale) })
        : translate(locale, "match.fail.certificate_short", {
            certificate: certificateShortName(f.code, locale),
            span: formatSpan(locale, f.shortByDays),
          });
    case "availability":
      return translate(locale, "match.fail.availability", { span: formatSpan(locale, f.lateByDays) });
  }
}

/** The label of one gate item of an order, for near-miss counts and filters. */
export function formatGateItem(
  locale: Locale,
  key: GateKey,
  order: {
    sector: string;
    iscoCode: string;
    occupationScope: OccupationScope;
    minExperienceYears: number;
    languages: { code: string; minLevel: string }[];
  },
): string {
  if (key === "sector") {
    const n = order.minExperienceYears;
    if (order.occupationScope === "sector") {
      const sector = sectorName(locale, order.sector);
      return n > 0
        ? translate(locale, "match.item.sector", { sector, years: n })
        : translate(locale, "match.item.sector_any", { sector });
    }
    const occupation = occupationTitle(order.iscoCode, locale);
    const kind = order.occupationScope === "unit" ? "occupation" : "related";
    return n > 0
      ? translate(locale, `match.item.${kind}`, { occupation, years: n })
      : translate(locale, `match.item.${kind}_any`, { occupation });
  }
  if (key === "availability") return translate(locale, "match.item.availability");
  const [kind, code] = key.split(":") as [string, string];
  if (kind === "language")
    return translate(locale, "match.item.language", {
      language: languageName(locale, code),
      level: order.languages.find((l) => l.code === code)?.minLevel ?? "",
    });
  return translate(locale, "match.item.certificate", { certificate: certificateShortName(code, locale) });
}

/**
 * What fixes a near miss: "Renew STCW BST before 1 Mar 2027", "Reach German B2 (a test or certificate)". A
 * certificate is to be valid through the contract's end by the start date, when the worker leaves.
 */
export function formatFix(locale: Locale, f: GateFailure, order: { startDate: string }): string {
  const start = formatDate(locale, order.startDate);
  switch (f.gate) {
    case "status":
      return "";
    case "sector":
      return translate(locale, "match.fix.experience", { years: years(locale, Math.max(0, f.needed - f.years)) });
    case "language":
      return translate(locale, "match.fix.language", { language: languageName(locale, f.code), needs: f.needs });
    case "certificate":
      return translate(locale, f.expiresOn ? "match.fix.certificate_renew" : "match.fix.certificate_obtain", {
        certificate: certificateShortName(f.code, locale),
        start,
      });
    case "availability":
      return translate(locale, "match.fix.availability", { start, from: formatDate(locale, f.availableFrom) });
  }
}

/** "Ranked by experience first · counts experience as Cooks and related occupations" */
export function formatRankingBasis(
  locale: Locale,
  order: { sector: string; iscoCode: string; occupationScope: OccupationScope; priority: MatchPriority },
): string {
  return translate(locale, "match.ranking_basis", {
    priority: translate(locale, `match.basis.priority.${order.priority}`),
    scope: translate(locale, `match.basis.scope.${order.occupationScope}`, {
      occupation: occupationTitle(order.iscoCode, locale),
      sector: sectorName(locale, order.sector),
    }),
  });
}
