/**
 * What an adapter for another tool's export provides. Each adapter maps one of the tool's
 * incident objects onto a candidate canonical record, which then goes through the same
 * validator as a canonical file; detection and skipping are by content, never by file name.
 */

export interface Adapter {
  /** The format name, as `--format` and the import history spell it. */
  format: string;
  /** The tool's name, for messages. */
  tool: string;
  /** Whether one incident object (a list item, or a whole single-incident response) looks like this tool's. */
  matches(item: Record<string, unknown>): boolean;
  /** One incident object as a candidate canonical record. */
  map(item: unknown, context: AdapterContext): unknown;
  /** Why this object is not an incident to import (a scheduled maintenance, say), or undefined. */
  skipReason?(item: unknown): string | undefined;
}

/** What the file holds beside the incidents: PagerDuty's log entries and notes, for example. */
export interface AdapterContext {
  /** Top-level fields of the file other than the incidents themselves. */
  extras: Record<string, unknown>;
  /** How many incidents the file holds; a single incident owns every extra. */
  count: number;
}
