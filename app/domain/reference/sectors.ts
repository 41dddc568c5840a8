// Sectors of placement (tags from ../shared/DOMAIN-DATA.md §1.3). Maritime sectors need a vessel on the order.
export const SECTORS = ["cruise", "merchant_ship", "fishing_vessel", "health_care", "hospitality", "domestic_work", "construction", "manufacturing", "agriculture"] as const;
export type Sector = (typeof SECTORS)[number];

export const MARITIME_SECTORS: readonly Sector[] = ["cruise", "merchant_ship", "fishing_vessel"];
export const isMaritime = (s: Sector) => MARITIME_SECTORS.includes(s);
