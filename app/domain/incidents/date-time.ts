/**
 * ISO 8601 date-times as the import format accepts them: a calendar date, a time and an
 * offset (`Z`, `±hh:mm`, or `±hhmm` as Jira and many tools write it; the last is stored
 * normalised to `±hh:mm`). A time without an offset is ambiguous by hours, which matters
 * when a press claim says "for three hours on Tuesday", so it is rejected, never guessed.
 */

import { showValue } from "./import-error";

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const OTHER_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}(?::?\d{2})?|Z)$/;
const COMPACT_OFFSET = /([+-])(\d{2})(\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetHour: number;
  offsetMinute: number;
  offsetSign: 1 | -1;
}

/** What is wrong with a date-time string, or undefined when it is a valid one with an offset. */
export function dateTimeProblem(value: string): string | undefined {
  const parts = parseDateTime(value);
  if (parts) return isRealDateTime(parts) ? undefined : `${showValue(value)} is not a real date and time`;
  if (WITHOUT_OFFSET.test(value)) return `${showValue(value)} has no UTC offset`;
  if (DATE_ONLY.test(value)) return `${showValue(value)} is a date without a time and UTC offset`;
  if (OTHER_OFFSET.test(value)) return `${showValue(value)} is not written as 2026-03-09T09:02:00Z (a T between date and time, an offset Z, ±hh:mm or ±hhmm)`;
  return `${showValue(value)} is not an ISO 8601 date-time with offset, such as 2026-03-09T09:02:00Z`;
}

/**
 * A valid date-time in the stored form: a `±hhmm` offset becomes `±hh:mm`; anything else is
 * returned unchanged (so that export then import stays the identity).
 */
export function normaliseDateTime(value: string): string {
  if (!parseDateTime(value)) return value;
  return value.replace(COMPACT_OFFSET, "$1$2:$3");
}

/** Milliseconds since the epoch for a valid date-time, for ordering; undefined otherwise. */
export function instantOf(value: string): number | undefined {
  const parts = parseDateTime(value);
  if (!parts || !isRealDateTime(parts)) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, parts.millisecond);
  const offsetMinutes = parts.offsetSign * (parts.offsetHour * 60 + parts.offsetMinute);
  return date.getTime() - offsetMinutes * 60_000;
}

function parseDateTime(value: string): Parts | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHour, offsetMinute] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: fraction ? Math.floor(Number(fraction) * 1000) : 0,
    offsetHour: Number(offsetHour ?? 0),
    offsetMinute: Number(offsetMinute ?? 0),
    offsetSign: sign === "-" ? -1 : 1,
  };
}

function isRealDateTime(parts: Parts): boolean {
  return (
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month) &&
    parts.hour <= 23 &&
    parts.minute <= 59 &&
    parts.second <= 59 &&
    parts.offsetHour <= 23 &&
    parts.offsetMinute <= 59
  );
}

function daysInMonth(year: number, month: number): number {
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
