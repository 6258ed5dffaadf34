-- drizzle-kit never writes CREATE EXTENSION, so the extensions the schema relies on are enabled here,
-- before any table. pg_trgm backs fuzzy matching; full-text search (tsvector, GIN) is built in.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
