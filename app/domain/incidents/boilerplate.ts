/**
 * The stock sentences status-page tools fill an update with when the writer adds nothing of
 * their own. They say which state the incident entered, not what happened, so a summary never
 * uses one. Data, not code: add a tool's template here rather than a special case in a mapper.
 */

export const STATUS_BOILERPLATE: readonly string[] = [
  "This incident has been resolved.",
  "We are currently investigating this issue.",
  "We are investigating this issue.",
  "The issue has been identified and a fix is being implemented.",
  "A fix has been implemented and we are monitoring the results.",
  "We are continuing to investigate this issue.",
  "We are continuing to work on a fix for this issue.",
  "We are continuing to monitor for any further issues.",
  "We have published a postmortem for this incident below.",
  "The scheduled maintenance has been completed.",
  "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
  "The scheduled maintenance is currently in progress. We will provide updates as necessary.",
];

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
const BOILERPLATE = new Set(STATUS_BOILERPLATE.map(squash));

/** Whether an update's text is only a tool's stock sentence (or empty). */
export function isBoilerplate(text: string): boolean {
  const squashed = squash(text);
  return squashed === "" || BOILERPLATE.has(squashed);
}
