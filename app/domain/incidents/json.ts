/**
 * JSON helpers for import: parsing with a line and column on syntax errors (people fix
 * exports in an editor, and "at position 48213" sends them counting), and the canonical
 * serialisation used for content hashes and field comparison.
 */

import { fileError, type ImportError } from "./import-error";

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: ImportError };

/** Parses JSON text; a syntax error becomes a file-level ImportError with line and column. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: fileError(cleanMessage(message), locate(text, message)) };
  }
}

/**
 * V8 says "... in JSON at position 13" (Node 20), adds "(line 2 column 5)" (Node 22), or
 * gives no position at all for some tokens; in that last case we find it ourselves.
 */
function locate(text: string, message: string): { line?: number; column?: number } {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (position) return lineAndColumn(text, Number(position[1]));
  if (/Unexpected end of JSON input/.test(message)) return lineAndColumn(text, text.length);
  const offset = findSyntaxErrorOffset(text);
  return offset === undefined ? {} : lineAndColumn(text, offset);
}

function cleanMessage(message: string): string {
  const cleaned = message
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/ at position \d+/, "")
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, "");
  return /JSON/.test(cleaned) ? cleaned : `${cleaned} in JSON`;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

class SyntaxErrorAt {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_CHARS = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * The offset of the first JSON syntax error, or undefined when the text is valid. A small
 * recursive-descent reader that builds nothing; used only when V8 gives no position.
 */
function findSyntaxErrorOffset(text: string): number | undefined {
  let pos = 0;
  const fail = (): never => {
    throw new SyntaxErrorAt(pos);
  };
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos])) pos++;
  };
  const expect = (char: string) => (text[pos] === char ? pos++ : fail());
  const matchSticky = (pattern: RegExp) => {
    pattern.lastIndex = pos;
    pattern.exec(text);
    pos = pattern.lastIndex;
  };
  const readLiteral = (word: string) => {
    for (const char of word) expect(char);
  };
  const readString = () => {
    expect('"');
    matchSticky(STRING_CHARS);
    expect('"');
  };
  const readNumber = () => {
    const start = pos;
    matchSticky(NUMBER);
    if (pos === start) fail();
  };
  const readSequence = (close: string, readItem: () => void) => {
    pos++;
    skipSpace();
    if (text[pos] === close) return void pos++;
    for (;;) {
      readItem();
      skipSpace();
      if (text[pos] === close) return void pos++;
      expect(",");
      skipSpace();
    }
  };
  const readValue = (): void => {
    skipSpace();
    const char = text[pos];
    if (char === "{") {
      return readSequence("}", () => {
        readString();
        skipSpace();
        expect(":");
        readValue();
      });
    }
    if (char === "[") return readSequence("]", readValue);
    if (char === '"') return readString();
    if (char === "t") return readLiteral("true");
    if (char === "f") return readLiteral("false");
    if (char === "n") return readLiteral("null");
    readNumber();
  };

  try {
    readValue();
    skipSpace();
    if (pos < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxErrorAt) return error.offset;
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * JSON with object keys sorted at every depth and undefined properties dropped, so that two
 * records with the same content serialise identically whatever their key order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
