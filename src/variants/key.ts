/** How student ids are compared across variants.csv, rosters, files and the page: without case, width or spaces, as the roster compares them. */
export const variantKey = (id: string): string => id.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
