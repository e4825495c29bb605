-- Ticket-number prefix search (GD20261123…) whatever the database collation.
CREATE INDEX tickets_no_prefix_idx ON tickets (no text_pattern_ops);
