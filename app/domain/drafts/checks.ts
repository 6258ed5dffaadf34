/**
 * The draft checks: disclosure (nothing internal in the text), support (every figure backed by
 * confirmed evidence) and coverage (every claim with a verdict answered). One engine serves the
 * editor, the generator's self-check and `factdesk check-draft`; each flag carries the exact
 * span of the draft it concerns (JavaScript string offsets).
 */
import { formatDuration } from "../duration";
import type { Incident } from "../incidents";
import { findFigures, type Figure } from "./figures";
import { INTERNAL_HOST_SUFFIXES, INTERNAL_HOST_WORDS, LOADED_WORD_STEMS, NOT_FIGURES, NOT_NAMES } from "./lexicon";
import { isInternalField, recordTexts } from "./record-text";

export type FlagKind = "disclosure" | "support" | "coverage";

export interface DraftFlag {
  kind: FlagKind;
  /** Which rule: internal-text, incident-id, internal-host, person-name, loaded-word, figure, claim. */
  rule: string;
  start: number;
  end: number;
  text: string;
  reason: string;
  incidentId?: string;
  claimId?: string;
  /** Stable across edits that move the text: what a waiver names. */
  key: string;
}

export interface CoverageClaim {
  id: string;
  text: string;
  verdict: string | null;
}

export interface CheckInput {
  draft: string;
  /** Every record in the workspace: internal text, ids, hosts and names are looked for in all of them. */
  records: Incident[];
  /** The case's confirmed evidence: only these back a figure. */
  evidence: Incident[];
  /** The claims of the case, for coverage; left out, coverage is not checked. */
  claims?: CoverageClaim[];
  /** Citation marker → claim id, from the version's citations: a marker answers its claim. */
  markers?: Record<string, string>;
}

/** The minimum run of words, after normalising, that counts as text taken from an internal field. */
export const INTERNAL_RUN_WORDS = 6;

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length }));
}

/** Citation markers, link targets and list numbers blanked out, offsets kept. */
function maskForFigures(draft: string): string {
  const blank = (s: string) => " ".repeat(s.length);
  return draft
    .replace(/\[\^c\d+\]/g, blank)
    .replace(/\]\([^)\s]*\)/g, blank)
    .replace(/^(\s*)(\d+[.)])(?=\s)/gm, (_m, sp: string, n: string) => sp + blank(n))
    .replace(/https?:\/\/\S+/g, blank)
    .replace(/\b24\/7\b/g, blank)
    .replace(NOT_FIGURE_PHRASES, blank)
    .replace(PHONE_NUMBER, (m, offset: number, whole: string) => (isPhoneNumber(m, whole.slice(Math.max(0, offset - 30), offset)) ? blank(m) : m))
    // Version numbers of software ("release 4.18", "v2.3.1") are names, not figures.
    .replace(/\b(?:version|release|v)\s?\d+(?:\.\d+)+\b/gi, blank)
    // A quotation of four words or more is what someone else said, not a figure the draft asserts.
    .replace(/“[^”\n]*”|"[^"\n]*"/g, (q) => (q.split(/\s+/).length >= 4 ? blank(q) : q));
}

/** Digit groups separated by spaces, dots or hyphens, with an optional country code: a phone number's shape. */
const PHONE_NUMBER = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{2,5}){1,4}\b/g;
const PHONE_CUE = /\b(?:call|phone|telephone|tel|ring|dial|contact|number|line|helpline|on|at)\b[^.\n]*$/i;

/** A long run of digit groups, or a shorter one after "call us on", is a phone number, not a figure. */
function isPhoneNumber(match: string, before: string): boolean {
  if (!/[\s.-]/.test(match.replace(/^\+\d{1,3}/, ""))) return false;
  // A decimal, a time or a date ("2.5", "19.40", "2026-03-07") is no phone number.
  if (/^\d{1,2}[.-]\d{1,2}$/.test(match) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(match)) return false;
  const digits = match.replace(/\D/g, "").length;
  return digits >= 8 || (digits >= 6 && PHONE_CUE.test(before));
}

const NOT_FIGURE_PHRASES = new RegExp(`\\b(?:${NOT_FIGURES.map((p) => p.replace(/ /g, "\\s+")).join("|")})\\b`, "gi");

function flagKey(kind: FlagKind, rule: string, text: string): string {
  return `${kind}:${rule}:${text.toLowerCase().replace(/\s+/g, " ").trim()}`;
}

function makeFlag(f: Omit<DraftFlag, "key" | "text">, draft: string): DraftFlag {
  const text = draft.slice(f.start, f.end);
  return { ...f, text, key: flagKey(f.kind, f.rule, f.rule === "claim" ? (f.claimId ?? "") : text) };
}

// ---------------------------------------------------------------- disclosure

function internalTextFlags(draft: string, records: Incident[]): DraftFlag[] {
  const n = INTERNAL_RUN_WORDS;
  const internal = new Map<string, string>();
  const wholeFields: { words: string[]; incidentId: string; field: string }[] = [];
  for (const record of records) {
    const fields = recordTexts(record);
    const publicShingles = new Set<string>();
    for (const f of fields.filter((x) => !x.internal)) {
      const w = tokens(f.text).map((t) => t.word);
      for (let i = 0; i + n <= w.length; i++) publicShingles.add(w.slice(i, i + n).join(" "));
    }
    for (const f of fields.filter((x) => x.internal)) {
      const w = tokens(f.text).map((t) => t.word);
      if (w.length >= 4 && w.length < n) wholeFields.push({ words: w, incidentId: record.id, field: f.field });
      for (let i = 0; i + n <= w.length; i++) {
        const s = w.slice(i, i + n).join(" ");
        if (!publicShingles.has(s) && !internal.has(s)) internal.set(s, `${record.id}\u0000${f.field}`);
      }
    }
  }
  const toks = tokens(draft);
  const hit: (string | undefined)[] = new Array(toks.length);
  for (let i = 0; i + n <= toks.length; i++) {
    const source = internal.get(toks.slice(i, i + n).map((t) => t.word).join(" "));
    if (source) for (let j = i; j < i + n; j++) hit[j] ??= source;
  }
  for (const wf of wholeFields) {
    for (let i = 0; i + wf.words.length <= toks.length; i++) {
      if (wf.words.every((w, k) => toks[i + k]!.word === w)) {
        for (let j = i; j < i + wf.words.length; j++) hit[j] ??= `${wf.incidentId}\u0000${wf.field}`;
      }
    }
  }
  const flags: DraftFlag[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!hit[i]) continue;
    let j = i;
    while (j + 1 < toks.length && hit[j + 1]) j++;
    const [incidentId, field] = hit[i]!.split("\u0000");
    flags.push(
      makeFlag(
        { kind: "disclosure", rule: "internal-text", start: toks[i]!.start, end: toks[j]!.end, reason: `text from the internal-only field ${field} of ${incidentId}`, incidentId },
        draft,
      ),
    );
    i = j;
  }
  return flags;
}

const GENERIC_ID = /\b[A-Z][A-Z0-9]{1,9}-\d{2,}(?:-[A-Z0-9]{1,6})*\b/g;

function incidentIdFlags(draft: string, records: Incident[]): DraftFlag[] {
  const flags: DraftFlag[] = [];
  const ids = [...new Set(records.map((r) => r.id))].sort((a, b) => b.length - a.length);
  const taken: [number, number][] = [];
  for (const id of ids) {
    const re = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "gi");
    for (const m of draft.matchAll(re)) {
      taken.push([m.index, m.index + m[0].length]);
      flags.push(makeFlag({ kind: "disclosure", rule: "incident-id", start: m.index, end: m.index + m[0].length, reason: "incident id", incidentId: id }, draft));
    }
  }
  for (const m of draft.matchAll(GENERIC_ID)) {
    if (taken.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    if (/^(?:SEV|COVID|ISO|RFC|GDPR|SOC|PCI)-/i.test(m[0])) continue;
    flags.push(makeFlag({ kind: "disclosure", rule: "incident-id", start: m.index, end: m.index + m[0].length, reason: "looks like an internal incident or ticket id" }, draft));
  }
  return flags;
}

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>()\]"'`]+/gi;
const HOST_RE = /(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?::\d+)?(?![\w-]|\.\w)/gi;
const DASHED_HOST_RE = /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z]*\d+[a-z0-9]*(?![\w-])/g;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function isInternalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, "");
  if (/^(?:10\.|127\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|localhost$)/.test(h)) return true;
  if (!h.includes(".")) return true;
  const labels = h.split(".");
  if (INTERNAL_HOST_SUFFIXES.some((s) => h.endsWith(`.${s}`))) return true;
  return labels.slice(0, -1).some((label) => INTERNAL_HOST_WORDS.some((w) => label === w || label.startsWith(`${w}-`) || label.endsWith(`-${w}`)));
}

function hostFlags(draft: string, records: Incident[]): DraftFlag[] {
  const recordHosts = new Set<string>();
  const recordTokens = new Set<string>();
  for (const r of records) {
    for (const l of r.links ?? []) {
      const h = hostOf(l.url);
      if (h) recordHosts.add(h);
    }
    for (const f of recordTexts(r)) {
      for (const m of f.text.matchAll(URL_RE)) {
        const h = hostOf(m[0]);
        if (h) recordHosts.add(h);
      }
      for (const m of f.text.matchAll(HOST_RE)) if (isInternalHost(m[0])) recordHosts.add(m[0].toLowerCase());
      for (const m of f.text.matchAll(DASHED_HOST_RE)) recordTokens.add(m[0]);
    }
  }
  const flags: DraftFlag[] = [];
  const taken: [number, number][] = [];
  const push = (start: number, end: number, reason: string) => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    flags.push(makeFlag({ kind: "disclosure", rule: "internal-host", start, end, reason }, draft));
  };
  for (const m of draft.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?]+$/, "");
    const h = hostOf(url);
    if (!h) continue;
    if (recordHosts.has(h)) push(m.index, m.index + url.length, `a URL on ${h}, a host the records link to`);
    else if (isInternalHost(h)) push(m.index, m.index + url.length, `an internal URL (${h})`);
  }
  for (const m of draft.matchAll(HOST_RE)) {
    const h = m[0].toLowerCase();
    if (recordHosts.has(h)) push(m.index, m.index + m[0].length, "a host named in the records");
    else if (isInternalHost(h) && /[a-z]/i.test(h.split(".").pop() ?? "")) push(m.index, m.index + m[0].length, "an internal host name");
  }
  for (const m of draft.matchAll(DASHED_HOST_RE)) {
    if (recordTokens.has(m[0])) push(m.index, m.index + m[0].length, "an internal system name from the records");
  }
  return flags;
}

const NAME_CUE_BEFORE = /\b(?:by|owner|engineer|with|from|cc|paged|called|asked|contacted|lead|manager|on-call|mailbox of|inbox of|desk of|told|emailed|messaged|notified|informed|assigned to|handed to)[:\s]+((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){1,2})\b/g;
const NAME_CUE_AFTER = /\b((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?:\(|paged|approved|reviewed|rolled|applied|deployed|noticed|said|escalated|confirmed|merged|wrote|pushed|restarted|ran|was paged|declared|who|had|left|joined|took|missed|saw|found|decided|signed|acknowledged|approved)/g;

/** People's names the records mention: owners that look like names, and names beside a verb or cue. */
export function namesInRecords(records: Incident[]): string[] {
  const names = new Set<string>();
  // Words the records use for things (organisations, services, regions, titles) are not names:
  // "Meridian Cloud confirmed" is a division speaking, not a person.
  const thingWords = new Set(
    records.flatMap((r) => [r.title, r.organization ?? "", ...(r.services ?? []), ...(r.regions ?? [])].flatMap((t) => t.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean)),
  );
  const addName = (raw: string) => {
    const name = raw.trim();
    const parts = name.split(/\s+/);
    if (parts.length < 2 || parts.some((p) => NOT_NAMES.includes(p) || thingWords.has(p.toLowerCase()))) return;
    names.add(name);
  };
  for (const r of records) {
    for (const a of r.actionItems ?? []) {
      const owner = a.owner?.trim();
      if (!owner || /team$|^[a-z0-9-]+$/i.test(owner) && !/[.]/.test(owner)) continue;
      const spaced = owner.replace(/^@/, "").replace(/@.*$/, "").replace(/[._]/g, " ");
      addName(spaced.replace(/\b\w/g, (c) => c.toUpperCase()));
    }
    for (const f of recordTexts(r)) {
      for (const m of f.text.matchAll(NAME_CUE_BEFORE)) addName(m[1]!);
      for (const m of f.text.matchAll(NAME_CUE_AFTER)) addName(m[1]!);
    }
  }
  return [...names];
}

function nameFlags(draft: string, records: Incident[]): DraftFlag[] {
  const flags: DraftFlag[] = [];
  const taken: [number, number][] = [];
  const names = namesInRecords(records).sort((a, b) => b.length - a.length);
  const patterns: [string, string][] = [];
  for (const name of names) {
    patterns.push([name, name]);
    const last = name.split(/\s+/).pop()!;
    if (last.length >= 4) patterns.push([last, name]);
  }
  for (const [text, name] of patterns) {
    const re = new RegExp(`\\b${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+")}\\b`, "g");
    for (const m of draft.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      flags.push(makeFlag({ kind: "disclosure", rule: "person-name", start: s, end: e, reason: `a person named in the records (${name})` }, draft));
    }
  }
  return flags;
}

function loadedWordFlags(draft: string, caseRecords: Incident[]): DraftFlag[] {
  const recordText = caseRecords.flatMap((r) => recordTexts(r).map((f) => f.text.toLowerCase())).join("\n");
  const flags: DraftFlag[] = [];
  for (const stem of LOADED_WORD_STEMS) {
    if (new RegExp(`\\b${stem}`, "i").test(recordText)) continue;
    const re = new RegExp(`\\b${stem.replace(/ /g, "[\\s-]+")}[\\p{L}-]*`, "giu");
    for (const m of draft.matchAll(re)) {
      flags.push(makeFlag({ kind: "disclosure", rule: "loaded-word", start: m.index, end: m.index + m[0].length, reason: `"${m[0]}" is a loaded word the case's records do not use` }, draft));
    }
  }
  return flags;
}

// ---------------------------------------------------------------- support

interface Backing {
  kind: Figure["kind"];
  value: number | string;
  incidentId: string;
  label: string;
  /** From the record's own fields (start to end, customers affected), not a figure in its text. */
  measured?: boolean;
}

function utcDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** What the confirmed records can back: their own spans, counts, dates and times, and figures their public text states. */
export function backingOf(evidence: Incident[]): Backing[] {
  const out: Backing[] = [];
  for (const r of evidence) {
    const pub = (field: string) => !isInternalField(r, field);
    const instants: string[] = [];
    for (const f of ["startedAt", "detectedAt", "resolvedAt"] as const) {
      const v = r[f];
      if (v && pub(f)) instants.push(v);
    }
    if (pub("timeline")) for (const t of r.timeline ?? []) instants.push(t.at);
    for (const at of instants) {
      if (Number.isNaN(Date.parse(at))) continue;
      for (const d of new Set([utcDate(at), at.slice(0, 10)])) out.push({ kind: "date", value: d, incidentId: r.id, label: d });
      out.push({ kind: "time", value: new Date(at).toISOString().slice(11, 16), incidentId: r.id, label: at });
      out.push({ kind: "time", value: at.slice(11, 16), incidentId: r.id, label: at });
      out.push({ kind: "year", value: new Date(at).getUTCFullYear(), incidentId: r.id, label: at.slice(0, 4) });
    }
    const spans: [string | undefined, string | undefined][] = [];
    if (pub("startedAt") && pub("resolvedAt")) spans.push([r.startedAt, r.resolvedAt]);
    if (pub("startedAt") && pub("detectedAt")) spans.push([r.startedAt, r.detectedAt]);
    if (pub("detectedAt") && pub("resolvedAt")) spans.push([r.detectedAt, r.resolvedAt]);
    for (const [a, b] of spans) {
      if (!a || !b) continue;
      const minutes = (Date.parse(b) - Date.parse(a)) / 60000;
      if (Number.isFinite(minutes) && minutes >= 0) out.push({ kind: "duration", value: minutes, incidentId: r.id, label: formatDuration(minutes * 60000) ?? `${minutes} min`, measured: true });
    }
    if (r.customersAffected !== undefined && pub("customersAffected")) {
      out.push({ kind: "count", value: r.customersAffected, incidentId: r.id, label: r.customersAffected.toLocaleString("en-US"), measured: true });
    }
    for (const f of recordTexts(r).filter((x) => !x.internal)) {
      for (const fig of findFigures(f.text)) out.push({ kind: fig.kind, value: fig.value, incidentId: r.id, label: fig.text });
    }
  }
  return out;
}

/** Whether a stated figure is one a reader would accept for the true value `v`. */
export function accepts(fig: Figure, v: number): boolean {
  const x = fig.value as number;
  switch (fig.qualifier) {
    case "approx":
      return Math.abs(v - x) <= Math.max(0.15 * x, fig.kind === "duration" ? 10 : fig.precision / 2);
    case "nearlyBelow": {
      // "almost three hours" is the next step up from the true value: 2 h 40 min, not 1 h 45 min;
      // "almost 11 hours" is not 9 h 45 min, which a reader would round to ten.
      const step = fig.kind === "duration" ? Math.max(Math.min(fig.precision, 60), 0.1 * x) : fig.kind === "percent" ? Math.max(fig.precision / 2, 0.1 * x) : 0.1 * x;
      return v <= x && v >= x - step;
    }
    case "below":
      // "fewer than 40,000" for 38,000, not for 12: far below, it understates nothing but says little that is true.
      return v < x && v >= 0.5 * x;
    case "above":
      return v > x;
    case "atLeast":
      return v >= x;
    case "atMost":
      return v <= x && v >= 0.5 * x;
    default: {
      // A whole number of hours stands for anything under half an hour either side (6 h 30 min is not "six hours").
      if (fig.kind === "duration") return Math.abs(v - x) < Math.max(fig.precision / 2, 0.03 * x, 1);
      const slack = fig.kind === "percent" ? Math.max(0.5, fig.precision / 2) : fig.precision / 2;
      return Math.abs(v - x) <= slack;
    }
  }
}

function supported(fig: Figure, backing: Backing[], recordCount: number): boolean {
  if (fig.kind === "date") {
    const want = fig.value as string;
    return backing.some((b) => b.kind === "date" && (want.length === 10 ? b.value === want : (b.value as string).slice(5) === want));
  }
  if (fig.kind === "time") return backing.some((b) => b.kind === "time" && b.value === fig.value);
  if (fig.kind === "year") return backing.some((b) => b.kind === "year" && b.value === fig.value) || backing.some((b) => b.kind === "date" && String(b.value).startsWith(String(fig.value)));
  const same = backing.filter((b) => b.kind === fig.kind && typeof b.value === "number");
  if (same.some((b) => accepts(fig, b.value as number))) return true;
  // A small count of incidents or events: backed by the number of confirmed records.
  if (fig.kind === "count" && (fig.value as number) <= Math.max(recordCount, 0) && Number.isInteger(fig.value) && (fig.value as number) <= 20) {
    return accepts(fig, recordCount) || fig.qualifier === "exact" || fig.qualifier === "atMost" || fig.qualifier === "below";
  }
  return false;
}

function describeBacking(fig: Figure, backing: Backing[]): string {
  const same = backing.filter((b) => b.kind === fig.kind);
  if (fig.kind === "duration") {
    const longest = same.filter((b) => b.measured && typeof b.value === "number").sort((a, b) => (b.value as number) - (a.value as number))[0];
    return `no record backs a duration of ${fig.text.trim()}${longest ? `; the longest is ${longest.label} (${longest.incidentId})` : ""}`;
  }
  if (fig.kind === "date" || fig.kind === "time" || fig.kind === "year") return `no confirmed record is dated ${fig.text.trim()}`;
  const values = [...same.filter((b) => b.measured), ...same.filter((b) => !b.measured)].slice(0, 3).map((b) => `${b.label} (${b.incidentId})`);
  return `no record backs ${fig.kind === "percent" ? "the percentage" : "the figure"} ${fig.text.trim()}${values.length ? `; the records give ${values.join(", ")}` : ""}`;
}

/** The words a record's services are called by ("checkout", "payments"), lower-case. */
function serviceWords(r: Incident): string[] {
  return (r.services ?? []).flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 2);
}

/** The sentence around an offset. */
function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(".", at - 1), text.lastIndexOf("\n", at - 1)) + 1;
  const ends = [text.indexOf(". ", at), text.indexOf("\n", at)].filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length).toLowerCase();
}

const SERVICE_HOURS_CUE = /\b(?:call|phone|helpline|open|opening|lines are|available|reach us)\b/i;

const norm = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();

function supportFlags(draft: string, evidence: Incident[]): DraftFlag[] {
  const backing = backingOf(evidence);
  const masked = maskForFigures(draft);
  // A figure quoted exactly as a confirmed record's public text states it ("above 80%", "4.18") is
  // backed as written; durations still go through the service check below.
  const literal = new Set(backing.filter((b) => !b.measured && b.kind !== "duration").map((b) => `${b.kind}:${norm(b.label)}`));
  return findFigures(masked)
    .filter((fig) => {
      if (literal.has(`${fig.kind}:${norm(fig.text)}`)) return false;
      // A sentence that names a service speaks of that service's records: its figure must be theirs.
      const words = new Set(sentenceAt(masked, fig.start).split(/[^a-z0-9]+/));
      const named = evidence.filter((r) => serviceWords(r).some((w) => words.has(w)));
      const own = named.length && named.length < evidence.length ? backing.filter((b) => named.some((r) => r.id === b.incidentId)) : backing;
      if (supported(fig, own, evidence.length)) return false;
      // A figure a record's public text states exactly backs it wherever the sentence points:
      // a service word in the sentence narrows measured spans and counts, not quoted facts.
      if (backing.some((b) => !b.measured && b.kind === fig.kind && b.value === fig.value)) return false;
      // A time of day beside a phone number or opening hours is when to call, not when something happened.
      if (fig.kind === "time" && SERVICE_HOURS_CUE.test(sentenceAt(draft, fig.start))) return false;
      return true;
    })
    .map((fig) => makeFlag({ kind: "support", rule: "figure", start: fig.start, end: fig.end, reason: describeBacking(fig, backing) }, draft));
}

// ---------------------------------------------------------------- coverage

const STOP = new Set("the a an of to in on at and or but for with by from that this was were is are be been it its as after before said says people say familiar matter also".split(" "));

function contentWords(text: string): string[] {
  return tokens(text)
    .map((t) => t.word)
    .filter((w) => w.length > 2 && !STOP.has(w))
    .map((w) => w.slice(0, 5));
}

function coverageFlags(draft: string, claims: CoverageClaim[], markers: Record<string, string>): DraftFlag[] {
  const cited = new Set(Object.entries(markers).filter(([m]) => draft.includes(`[^${m}]`)).map(([, id]) => id));
  const paragraphs = draft.split(/\n\s*\n/).map((p) => new Set(contentWords(p)));
  const flags: DraftFlag[] = [];
  for (const claim of claims) {
    if (!claim.verdict || cited.has(claim.id)) continue;
    const words = [...new Set(contentWords(claim.text))];
    const best = Math.max(0, ...paragraphs.map((p) => (words.length ? words.filter((w) => p.has(w)).length / words.length : 0)));
    if (best >= 0.5) continue;
    flags.push(
      makeFlag(
        { kind: "coverage", rule: "claim", start: draft.length, end: draft.length, reason: `the draft does not answer the claim "${claim.text}" (verdict: ${claim.verdict})`, claimId: claim.id },
        draft,
      ),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- all

/** Every flag, in draft order (coverage last: it points at the end of the draft). */
export function checkDraft(input: CheckInput): DraftFlag[] {
  const { draft, records, evidence } = input;
  const all = [...records, ...evidence.filter((e) => !records.some((r) => r.id === e.id))];
  const disclosure = dedupe([
    ...incidentIdFlags(draft, all),
    ...hostFlags(draft, all),
    ...nameFlags(draft, all),
    ...internalTextFlags(draft, all),
    ...loadedWordFlags(draft, evidence),
  ]);
  const support = supportFlags(draft, evidence).filter((s) => !disclosure.some((d) => s.start < d.end && s.end > d.start));
  const coverage = input.claims ? coverageFlags(draft, input.claims, input.markers ?? {}) : [];
  return [...disclosure, ...support].sort((a, b) => a.start - b.start || a.end - b.end).concat(coverage);
}

/** One problem is one flag: a span inside another disclosure flag's span is dropped. */
function dedupe(flags: DraftFlag[]): DraftFlag[] {
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DraftFlag[] = [];
  for (const f of sorted) {
    if (out.some((o) => f.start >= o.start && f.end <= o.end)) continue;
    out.push(f);
  }
  return out;
}

/** The flags as `check-draft` prints them (shared/formats/check-draft.md). */
export function toCheckDraftJson(flags: DraftFlag[]) {
  return {
    flags: flags
      .filter((f) => f.kind !== "coverage")
      .map(({ kind, start, end, text, reason, incidentId }) => ({ kind, start, end, text, reason, ...(incidentId ? { incidentId } : {}) })),
  };
}
