// Sectors of placement (Jembatan's tags over ISCO-08 unit groups; docs/reference-data.md). Maritime sectors need a
// vessel on the order.
export const SECTORS = [
  "cruise",
  "merchant_ship",
  "fishing_vessel",
  "health_care",
  "hospitality",
  "domestic_work",
  "construction",
  "manufacturing",
  "agriculture",
] as const;
export type Sector = (typeof SECTORS)[number];

export const MARITIME_SECTORS: readonly Sector[] = ["cruise", "merchant_ship", "fishing_vessel"];
export const isMaritime = (s: Sector) => MARITIME_SECTORS.includes(s);
