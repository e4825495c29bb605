-- Tracing a figure to its tickets reads the contributions of an org subtree over a period.
CREATE INDEX ticket_rollup_contributions_org_day_idx ON ticket_rollup_contributions (org_unit_id, day);
