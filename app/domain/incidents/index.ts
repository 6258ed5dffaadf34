/**
 * The incident-import domain: reading import files (canonical JSON, CSV, and other
 * tools' exports) into validated canonical records, and what the app derives from a record
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
  type SkippedRecord,
} from "./parse";
export { ADAPTERS, UNSUPPORTED_TOOLS } from "./tools";
export { readCsvHeader, type CsvMapping } from "./csv";
export { normaliseDateTime } from "./date-time";
export { combineJsonFiles } from "./combine";
export { canonicalJson } from "./json";
export { contentHash } from "./hash";
export { diffIncidentField, diffIncidents, type DiffSegment } from "./diff";
export { incidentSearchText, type IncidentSearchText } from "./search-text";
