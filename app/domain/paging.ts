/** How many pages `total` rows make (at least one, so an empty list still has "page 1 of 1"). */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The page to show for a requested page number, clamped to the pages that exist, with its SQL window. */
export function pageWindow(total: number, requested: number, size: number) {
  const pages = pageCount(total, size);
  const page = Math.min(Math.max(1, requested), pages);
  return { page, pages, limit: size, offset: (page - 1) * size };
}
