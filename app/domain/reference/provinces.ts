// Indonesia's 38 provinces by Kemendagri code (the code NIK digits 1–2 carry), (source: docs/reference-data.md).
export const PROVINCES: readonly { code: string; name: string }[] = [
  { code: "11", name: "Aceh" },
  { code: "12", name: "Sumatera Utara" },
  { code: "13", name: "Sumatera Barat" },
  { code: "14", name: "Riau" },
  { code: "15", name: "Jambi" },
  { code: "16", name: "Sumatera Selatan" },
  { code: "17", name: "Bengkulu" },
  { code: "18", name: "Lampung" },
  { code: "19", name: "Kepulauan Bangka Belitung" },
  { code: "21", name: "Kepulauan Riau" },
  { code: "31", name: "DKI Jakarta" },
  { code: "32", name: "Jawa Barat" },
  { code: "33", name: "Jawa Tengah" },
  { code: "34", name: "DI Yogyakarta" },
  { code: "35", name: "Jawa Timur" },
  { code: "36", name: "Banten" },
  { code: "51", name: "Bali" },
  { code: "52", name: "Nusa Tenggara Barat" },
  { code: "53", name: "Nusa Tenggara Timur" },
  { code: "61", name: "Kalimantan Barat" },
  { code: "62", name: "Kalimantan Tengah" },
  { code: "63", name: "Kalimantan Selatan" },
  { code: "64", name: "Kalimantan Timur" },
  { code: "65", name: "Kalimantan Utara" },
  { code: "71", name: "Sulawesi Utara" },
  { code: "72", name: "Sulawesi Tengah" },
  { code: "73", name: "Sulawesi Selatan" },
  { code: "74", name: "Sulawesi Tenggara" },
  { code: "75", name: "Gorontalo" },
  { code: "76", name: "Sulawesi Barat" },
  { code: "81", name: "Maluku" },
  { code: "82", name: "Maluku Utara" },
  { code: "91", name: "Papua" },
  { code: "92", name: "Papua Barat" },
  { code: "93", name: "Papua Selatan" },
  { code: "94", name: "Papua Tengah" },
  { code: "95", name: "Papua Pegunungan" },
  { code: "96", name: "Papua Barat Daya" },
];
export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];
export const provinceName = (code: string) => PROVINCES.find((p) => p.code === code)?.name ?? code;

/** Folds a name for comparison: case, accents, punctuation and spacing do not matter ("jawa  tengah", "D.I. Yogyakarta"). */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
const byName = new Map(PROVINCES.map((p) => [fold(p.name), p.code]));
// the names people write without the prefix
for (const [alias, code] of [
  ["jakarta", "31"],
  ["yogyakarta", "34"],
  ["jogja", "34"],
  ["diy", "34"],
  ["ntb", "52"],
  ["ntt", "53"],
  ["babel", "19"],
  ["kepri", "21"],
] as const)
  byName.set(alias, code);

/** A province given by its code (33, "3" → "03" is not one) or by its name, as the Kemendagri code; else unchanged. */
export function provinceCodeOf(value: string): string {
  const v = value.trim();
  if (/^\d{1,2}$/.test(v)) return v.padStart(2, "0");
  return byName.get(fold(v)) ?? v;
}
