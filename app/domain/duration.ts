/**
 * Durations and instants as the incident pages show them. Times are always shown in UTC and
 * formatted by hand, not with the reader's locale: the server renders the page and the browser
 * hydrates it, and both must produce the same text, which a press answer may then quote.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A length of time for a person: "45 s", "53 min", "2 h 40 min", "3 d 4 h". Minutes are
 * rounded to the nearest one; days drop the minutes. Undefined for a negative or invalid span.
 */
export function formatDuration(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** The time from one ISO instant to another, formatted; undefined when either is missing or invalid, or `to` is earlier. */
export function durationBetween(from: string | undefined | null, to: string | undefined | null): string | undefined {
  if (!from || !to) return undefined;
  return formatDuration(Date.parse(to) - Date.parse(from));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "7 Mar 2026" in UTC. */
export function formatUtcDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "19:40" in UTC (with seconds when they are not zero). */
export function formatUtcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const seconds = d.getUTCSeconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ""}`;
}

/** "7 Mar 2026, 19:40 UTC". */
export function formatUtcDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatUtcDate(iso)}, ${formatUtcTime(iso)} UTC`;
}

/** True when both instants fall on the same UTC calendar day. */
export function isSameUtcDay(a: string, b: string): boolean {
  return new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);
}
