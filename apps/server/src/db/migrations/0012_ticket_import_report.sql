-- Ticket imports: the spreadsheet row number of each uploaded row (blank rows skipped in between
-- keep the numbers after them right), the mapping and time of the last validation (so a dry run's
-- report can be told apart after a reload), and the total number of errors (the report keeps only
-- the first ones).
ALTER TABLE ticket_imports ADD COLUMN row_numbers jsonb;
ALTER TABLE ticket_imports ADD COLUMN mapping jsonb;
ALTER TABLE ticket_imports ADD COLUMN validated_at timestamptz;
ALTER TABLE ticket_imports ADD COLUMN error_count integer NOT NULL DEFAULT 0;
UPDATE ticket_imports SET error_count = jsonb_array_length(errors);
-- Uploaded rows hold phones and names: a finished import keeps none (all-or-nothing imports with
-- bad rows used to keep them).
UPDATE ticket_imports SET rows = NULL WHERE status IN ('done', 'failed') AND rows IS NOT NULL;
-- The purge of uploads never run looks for old ones.
CREATE INDEX ticket_imports_uploaded_idx ON ticket_imports (created_at) WHERE status = 'uploaded';
