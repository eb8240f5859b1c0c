/** Publication years before the common era are stored negative (The Odyssey: -700). */
export function formatYear(year: number): string {
  return year < 0 ? `${-year} BC` : String(year);
}
