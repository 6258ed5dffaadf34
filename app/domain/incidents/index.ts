/**
 * The incident-import domain: reading import files (canonical JSON, CSV, Statuspage,
 * PagerDuty) into validated canonical records, and what the app derives from a record
 * (content hash, version diff, search text). Pure: no database, no environment, no network.
 */

export * from "./types";
export { MAX_IMPORT_ERRORS, formatImportError, type ImportError } from "./import-error";
export { INCIDENT_FIELDS, IncidentSchema, type IncidentField } from "./schema";
export { effectiveStatus, validateIncidents, type ValidationResult } from "./validate";
export {
  INCIDENT_FILE_FORMATS,
  parseIncidentFile,
  type IncidentFileFormat,
  type ParseOptions,
  type ParseResult,
} from "./parse";
export { canonicalJson } from "./json";
export { contentHash } from "./hash";
export { diffIncidentField, diffIncidents, type DiffSegment } from "./diff";
export { incidentSearchText, type IncidentSearchText } from "./search-text";
