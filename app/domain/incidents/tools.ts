/**
 * Which tool wrote a JSON file, told from its content: the adapters Factdesk has, in the order
 * they are tried, and the signatures of tools it knows but cannot import, so that such a file
 * gets one sentence naming the tool rather than a list of unknown fields.
 */

import type { Adapter } from "./adapter";
import { dispatch } from "./dispatch";
import { fireHydrant } from "./firehydrant";
import { incidentIo } from "./incident-io";
import { isPlainObject } from "./json";
import { opsgenie } from "./opsgenie";
import { pagerduty } from "./pagerduty";
import { rootly } from "./rootly";
import { statuspage } from "./statuspage";

/** Most specific first: Statuspage's `name` and `impact` are common words. */
export const ADAPTERS: readonly Adapter[] = [rootly, pagerduty, incidentIo, fireHydrant, opsgenie, dispatch, statuspage];

export interface UnsupportedTool {
  tool: string;
  matches(item: Record<string, unknown>): boolean;
}

const has = (item: Record<string, unknown>, ...keys: string[]) => keys.every((key) => key in item);
const attributes = (item: Record<string, unknown>) => (isPlainObject(item.attributes) ? item.attributes : {});

/** Tools whose exports are recognisable but have no adapter. Data: add a tool here, not a branch in the parser. */
export const UNSUPPORTED_TOOLS: readonly UnsupportedTool[] = [
  { tool: "Jira (or Jira Service Management)", matches: (item) => has(item, "key", "fields") && isPlainObject(item.fields) },
  { tool: "ServiceNow", matches: (item) => has(item, "sys_id", "number") },
  { tool: "Splunk On-Call (VictorOps)", matches: (item) => has(item, "incidentNumber") && ("entityId" in item || "entityDisplayName" in item) },
  { tool: "Datadog Incident Management", matches: (item) => item.type === "incidents" && ("public_id" in attributes(item) || "customer_impacted" in attributes(item)) },
  { tool: "Better Stack", matches: (item) => item.type === "incident" && "cause" in attributes(item) },
  { tool: "Grafana OnCall", matches: (item) => has(item, "alerts_count", "integration_id") },
];

/** The adapter whose incidents look like this object, if any. */
export function adapterFor(item: Record<string, unknown>): Adapter | undefined {
  return ADAPTERS.find((adapter) => adapter.matches(item));
}

export function unsupportedToolOf(item: Record<string, unknown>): string | undefined {
  return UNSUPPORTED_TOOLS.find((tool) => tool.matches(item))?.tool;
}

export function adapterByFormat(format: string): Adapter | undefined {
  return ADAPTERS.find((adapter) => adapter.format === format);
}

/**
 * For a list with no incident to look at (an empty page): the format its envelope's other keys
 * point to, most specific first.
 */
const ENVELOPE_HINTS: readonly { format: string; keys: readonly string[] }[] = [
  { format: "dispatch", keys: ["itemsPerPage"] },
  { format: "statuspage", keys: ["page"] },
  { format: "incidentio", keys: ["pagination_meta"] },
  { format: "opsgenie", keys: ["took", "requestId"] },
  { format: "firehydrant", keys: ["pagination"] },
  { format: "pagerduty", keys: ["more", "limit", "offset"] },
];

export function formatOfEnvelope(extras: Record<string, unknown>): string | undefined {
  return ENVELOPE_HINTS.find((hint) => hint.keys.some((key) => key in extras))?.format;
}
