import { occupation } from "../reference/isco";
import type { Sector } from "../reference/sectors";

// An experience's occupation should belong to its sector (the catalogue's tags over ISCO-08 unit groups): a waiter's
// years given as construction are most likely a slip in the file. It is a warning, never a refusal: the catalogue
// tags only the unit groups that clearly belong somewhere, and an occupation with no tag belongs to any sector.

export interface SectorMismatch {
  /** the experience's place in the list, 0-based */
  index: number;
  iscoCode: string;
  sector: Sector;
}

/** The experiences whose occupation is tagged with sectors, none of them the one given. */
export function sectorMismatches(experiences: readonly { sector: Sector; iscoCode: string }[]): SectorMismatch[] {
  const out: SectorMismatch[] = [];
  experiences.forEach((e, index) => {
    const sectors = occupation(e.iscoCode)?.sectors ?? [];
    if (sectors.length > 0 && !sectors.includes(e.sector)) out.push({ index, iscoCode: e.iscoCode, sector: e.sector });
  });
  return out;
}
