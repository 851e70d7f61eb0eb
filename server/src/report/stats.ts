/**
 * The statistics the report states, with their definitions: the median, the 90th percentile
 * by nearest rank, calendar months and quarters of an ISO date.
 */

/** How `percentile` is taken, as the report states it. */
export const PERCENTILE_DEFINITION =
  'median: the middle value (the mean of the two middle values for an even count); p90: nearest rank, the smallest value at least 90% of the values are at or below (sorted value number ⌈0.9 × n⌉)';

/** The median of some numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The `p`th percentile (0 < p ≤ 100) by nearest rank: sorted value number ⌈p/100 × n⌉; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** `2024-03` of `2024-03-12`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2024-Q1` of `2024-03-12`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every month from `first` to `last` (`YYYY-MM`), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (year * 12 + month <= end) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    if (++month > 12) (month = 1), year++;
  }
  return months;
}

/** Every quarter from the one holding `first` to the one holding `last` (`YYYY-Qn`), both included. */
export function quartersBetween(first: string, last: string): string[] {
  return [...new Set(monthsBetween(first, last).map((month) => quarterOf(`${month}-01`)))];
}
