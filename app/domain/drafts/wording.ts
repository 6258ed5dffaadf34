/**
 * Figures worded for the public: durations rounded the way a statement says them, counts as an
 * upper bound a reader can check ("fewer than 15,000 customers"), dates spelled out. Every
 * wording here is one the support check accepts for the figure it came from.
 */

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "about 2 hours 40 minutes", "about 55 minutes", "about 3 days"; minutes → public wording. */
export function publicDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 0) return "";
  if (minutes < 1) return "less than a minute";
  if (minutes < 10) return `about ${Math.round(minutes)} minute${Math.round(minutes) === 1 ? "" : "s"}`;
  if (minutes < 60) {
    const m = Math.round(minutes / 5) * 5;
    return m === 60 ? "about an hour" : `about ${m} minutes`;
  }
  if (minutes < 48 * 60) {
    const rounded = Math.round(minutes / 5) * 5;
    const h = Math.floor(rounded / 60);
    const m = rounded % 60;
    const hours = h === 1 ? "1 hour" : `${h} hours`;
    return m ? `about ${hours} ${m} minutes` : `about ${hours}`;
  }
  const days = Math.round(minutes / (24 * 60));
  return `about ${days} days`;
}

const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10];

/** The smallest round number above n: 12,600 → 15,000; 310 → 400; 41,000 → 50,000. */
export function roundAbove(n: number): number {
  if (n < 10) return 10;
  const scale = 10 ** Math.floor(Math.log10(n));
  for (const step of STEPS) {
    const candidate = step * scale;
    if (candidate > n && Number.isInteger(candidate)) return candidate;
  }
  return 10 * scale;
}

/** "fewer than 15,000 customers", "no customers"; the noun is the template's. */
export function publicCount(n: number, noun = "customers"): string {
  if (n <= 0) return `no ${noun}`;
  return `fewer than ${roundAbove(n).toLocaleString("en-US")} ${noun}`;
}

/** "7 March 2026" in UTC, or in the record's own offset when `local` is set. */
export function publicDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "checkout", "checkout and payments", "search, storefront and images". */
export function listWords(items: readonly string[]): string {
  const unique = [...new Set(items.filter(Boolean))];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "four", or 12 as "12". */
export function smallNumber(n: number): string {
  return SMALL[n] ?? String(n);
}
