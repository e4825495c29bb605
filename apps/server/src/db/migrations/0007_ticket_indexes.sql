-- Related-ticket look-ups on the ticket page must not scan the table.
CREATE INDEX tickets_repeat_of_idx ON tickets (repeat_of) WHERE repeat_of IS NOT NULL;
CREATE INDEX tickets_merged_into_idx ON tickets (merged_into) WHERE merged_into IS NOT NULL;
-- Store the search vector: ranking then reads it instead of re-parsing every matching row's text.
ALTER TABLE tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
DROP INDEX tickets_search_gin;
CREATE INDEX tickets_search_vector_gin ON tickets USING gin (search_vector);
-- The default list: newest first, optionally by type.
CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id);
CREATE INDEX tickets_type_created_idx ON tickets (type, created_at DESC);
