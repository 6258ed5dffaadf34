/**
 * Clause splitting inside one sentence. A sentence is split where it joins two independent
 * assertions (", and", ", but", "; ") so that each can be checked alone, and a trailing
 * attribution (", the people said", ", according to ...") is cut from the claim's span and kept
 * beside it. A second half that leans on the first ("..., and several of its customers lost
 * access") stays attached, because it cannot be checked without it.
 */

import { BACK_REFERENCES, SPEECH_VERBS, countWords, hasFiniteVerb, isFiniteVerb, wordsOf } from "./lexicon";
import { trimSpan, type Span } from "./spans";

export interface ClauseSplit {
  parts: Span[];
  attribution?: Span;
}

const TAIL_VERBS = `${SPEECH_VERBS}|showed|shows|estimated|estimates|suggested|suggests|indicated|indicates|learned|learnt|understands|revealed`;
const SPEECH_FIRST_TAIL = new RegExp(`^(?:${SPEECH_VERBS})\\s+(?:[A-Z]|the\\b|an?\\b|its\\b)`);
const ACCORDING_TAIL = /^according to\b/i;
const SUBJECT_SPEECH_TAIL = new RegExp(`^((?:[\\w'’.-]+\\s+){1,8}?)(?:(?:has|have|had)\\s+)?(?:${TAIL_VERBS})\\b`, "i");
const CONNECTOR = /;\s+|,\s+(?:and|but|while|whereas)\s+/g;
/** A clause that opens with its own source: a new assertion even when it refers back ("it said ..."). */
const ATTRIBUTION_LED = new RegExp(
  "^(?:(?:(?:the|one|two|three|four|several|some|a|many)\\s+)?(?:people|persons?|sources?|insiders?|officials?|employees?|" +
    "engineers?|executives?|analysts?|spokes\\w+|company|bank|firm|regulators?)\\b[^,;]{0,60}?\\b(?:" +
    SPEECH_VERBS +
    `)\\b|(?:it|they|he|she)\\s+(?:also\\s+)?(?:${SPEECH_VERBS})\\b|according to\\b)`,
  "i",
);
const NON_SUBJECT_OPENERS = new Set([
  "to", "that", "then", "also", "later", "still", "so", "thus", "eventually", "subsequently", "now", "not", "only", "even",
]);

/**
 * Splits the sentence at `sentence` into checkable clauses and cuts a trailing attribution.
 * Returns the sentence unchanged (one part) when nothing qualifies.
 */
export function splitClauses(text: string, sentence: Span): ClauseSplit {
  const tailComma = findAttributionTail(text, sentence);
  let core: Span = sentence;
  let attribution: Span | undefined;
  if (tailComma !== null) {
    const head = trimSpan(text, sentence.start, tailComma);
    const tail = trimSpan(text, tailComma + 1, sentence.end);
    if (head && tail) {
      core = head;
      attribution = tail;
    }
  }
  return { parts: splitAtConnectors(text, core), attribution };
}

/** Whether position `index` of `s` lies outside quotation marks and parentheses. */
function isOutsideQuotes(s: string, index: number): boolean {
  const before = s.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length % 2 === 0;
  const curly = (before.match(/“/g) ?? []).length <= (before.match(/”/g) ?? []).length;
  const parens = (before.match(/\(/g) ?? []).length <= (before.match(/\)/g) ?? []).length;
  return straight && curly && parens;
}

/** The index of the comma that starts a trailing attribution, or null. */
function findAttributionTail(text: string, sentence: Span): number | null {
  const s = text.slice(sentence.start, sentence.end);
  for (const m of s.matchAll(/,\s+/g)) {
    if (!isOutsideQuotes(s, m.index) || countWords(s.slice(0, m.index)) < 4) continue;
    if (isAttributionTail(s.slice(m.index + m[0].length))) return sentence.start + m.index;
  }
  return null;
}

/**
 * "the people said", "a spokeswoman said on Thursday", "said Jane Doe, a spokeswoman",
 * "according to an internal briefing seen by X": a source and nothing further asserted.
 */
function isAttributionTail(tail: string): boolean {
  if (countWords(tail) > 25 || /\bthat\b/i.test(tail)) return false;
  let rest: string;
  if (ACCORDING_TAIL.test(tail)) {
    rest = tail.replace(ACCORDING_TAIL, "");
  } else if (SPEECH_FIRST_TAIL.test(tail)) {
    rest = tail.replace(/^\S+/, "");
  } else {
    const m = SUBJECT_SPEECH_TAIL.exec(tail);
    if (!m || hasFiniteVerb(m[1])) return false;
    rest = tail.slice(m[0].length);
  }
  return !hasFiniteVerb(rest);
}

function splitAtConnectors(text: string, core: Span): Span[] {
  const s = text.slice(core.start, core.end);
  const parts: Span[] = [];
  let pieceStart = 0;
  for (const m of s.matchAll(CONNECTOR)) {
    if (!isOutsideQuotes(s, m.index)) continue;
    const left = s.slice(pieceStart, m.index);
    const right = s.slice(m.index + m[0].length);
    const isSemicolon = m[0].startsWith(";");
    if (!canSplit(left, right, isSemicolon)) continue;
    const span = trimSpan(text, core.start + pieceStart, core.start + m.index);
    if (span) parts.push(span);
    pieceStart = m.index + m[0].length;
  }
  const last = trimSpan(text, core.start + pieceStart, core.end);
  if (last) parts.push(last);
  return parts.length > 0 ? parts : [core];
}

function canSplit(left: string, right: string, isSemicolon: boolean): boolean {
  if (countWords(left) < 3 || countWords(right) < 3 || !hasFiniteVerb(left)) return false;
  if (isSemicolon) return hasFiniteVerb(right);
  if (ATTRIBUTION_LED.test(right)) return true;
  const subject = subjectOfIndependentClause(right);
  return subject !== null && !subject.some((w) => BACK_REFERENCES.has(w.toLowerCase()));
}

/** The words before the first finite verb, when `clause` opens with its own subject; else null. */
function subjectOfIndependentClause(clause: string): string[] | null {
  const words = wordsOf(clause).slice(0, 12).map((w) => w.word);
  const first = words[0]?.toLowerCase();
  if (!first || NON_SUBJECT_OPENERS.has(first) || /ing$/.test(first) || isFiniteVerb(first)) return null;
  const verb = words.findIndex((w, i) => i > 0 && isFiniteVerb(w, words[i - 1]));
  return verb > 0 ? words.slice(0, verb) : null;
}
