// Sectors of placement (Jembatan's tags over ISCO-08 unit groups; docs/reference-data.md). Maritime sectors need a
// vessel on the order. Nursing and care work are apart (decision 020): employers who ask for one do not take the
// other.
export const SECTORS = [
  "cruise",
  "merchant_ship",
  "fishing_vessel",
  "nursing",
  "care_work",
  "hospitality",
  "domestic_work",
  "construction",
  "manufacturing",
  "agriculture",
] as const;
export type Sector = (typeof SECTORS)[number];

export const MARITIME_SECTORS: readonly Sector[] = ["cruise", "merchant_ship", "fishing_vessel"];
export const isMaritime = (s: Sector) => MARITIME_SECTORS.includes(s);
