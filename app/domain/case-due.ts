/**
 * The "respond by" deadline of a case: whether it has passed or is close, said in words, and
 * written in UTC (the server and every reader agree on UTC; the pages say so). The clock is
 * passed in.
 */
import type { CaseStatus } from "./workflow";

export type DueState = "none" | "closed" | "overdue" | "soon" | "later";

/** Within this many hours a deadline counts as soon. */
export const SOON_HOURS = 24;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function dueState(dueAt: Date | string | null, status: CaseStatus, now: Date): DueState {
  if (status === "closed") return "closed";
  if (!dueAt) return "none";
  const ms = toDate(dueAt).getTime() - now.getTime();
  if (ms < 0) return "overdue";
  return ms <= SOON_HOURS * 3_600_000 ? "soon" : "later";
}

function amount(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

/** "in 3 hours", "2 days ago", "now". */
export function relativeDue(dueAt: Date | string, now: Date): string {
  const ms = toDate(dueAt).getTime() - now.getTime();
  if (Math.abs(ms) < 60_000) return "now";
  return ms > 0 ? `in ${amount(ms)}` : `${amount(ms)} ago`;
}

/** "13 Mar 2026, 17:00 UTC" */
export function formatUtcDateTime(value: Date | string): string {
  const d = toDate(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "13 Mar 2026" for a YYYY-MM-DD date. */
export function formatDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : value;
}

/** The value of a datetime-local input showing `value` in UTC: "2026-03-13T17:00". */
export function toDateTimeLocal(value: Date | string | null): string {
  return value ? toDate(value).toISOString().slice(0, 16) : "";
}

/** A datetime-local input's value ("2026-03-13T17:00", seconds optional) read as UTC; null when it is not a real time. */
export function parseDateTimeLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return date;
}
