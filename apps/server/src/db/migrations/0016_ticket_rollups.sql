-- Daily ticket rollups for the indicator library (issue 5).
--
-- One row per day (Asia/Shanghai) × org unit × request type × channel × category, with the
-- measures of ticket-facts.ts. Indicators sum rows over a period and an org subtree instead of
-- scanning tickets. The rows are kept by a catch-up job (jobs/refresh-ticket-rollups.ts): every
-- change to a ticket or its clocks marks the ticket dirty (statement triggers below, so no write
-- path can forget it); the job recomputes the ticket's contributions from its current state and
-- applies the difference to the rollups.
CREATE TABLE ticket_rollups (
  day date NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  type text NOT NULL,
  channel text NOT NULL,
  category_id uuid NOT NULL REFERENCES categories(id),
  accepted bigint NOT NULL DEFAULT 0,
  escalated bigint NOT NULL DEFAULT 0,
  appeals bigint NOT NULL DEFAULT 0,
  repeat bigint NOT NULL DEFAULT 0,
  fr_target bigint NOT NULL DEFAULT 0,
  fr_met bigint NOT NULL DEFAULT 0,
  frt_sum bigint NOT NULL DEFAULT 0,
  frt_n bigint NOT NULL DEFAULT 0,
  closed bigint NOT NULL DEFAULT 0,
  closed_resolved bigint NOT NULL DEFAULT 0,
  closed_on_time bigint NOT NULL DEFAULT 0,
  followed_up bigint NOT NULL DEFAULT 0,
  reopened bigint NOT NULL DEFAULT 0,
  fcr bigint NOT NULL DEFAULT 0,
  handle_sum bigint NOT NULL DEFAULT 0,
  handle_n bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, org_unit_id, type, channel, category_id)
);
CREATE INDEX ticket_rollups_org_day_idx ON ticket_rollups (org_unit_id, day);

-- What each ticket added last time, so a change applies only its difference.
CREATE TABLE ticket_rollup_contributions (
  ticket_id uuid NOT NULL,
  day date NOT NULL,
  org_unit_id uuid NOT NULL,
  type text NOT NULL,
  channel text NOT NULL,
  category_id uuid NOT NULL,
  measures jsonb NOT NULL,
  PRIMARY KEY (ticket_id, day)
);

CREATE TABLE ticket_rollup_dirty (
  ticket_id uuid PRIMARY KEY,
  marked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_rollup_dirty_marked_idx ON ticket_rollup_dirty (marked_at);

CREATE FUNCTION mark_rollup_dirty_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_rollup_dirty (ticket_id) SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION mark_rollup_dirty_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_rollup_dirty (ticket_id) SELECT DISTINCT ticket_id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
-- transition tables allow one event per trigger
CREATE TRIGGER tickets_rollup_ins AFTER INSERT ON tickets REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_rollup_dirty_tickets();
CREATE TRIGGER tickets_rollup_upd AFTER UPDATE ON tickets REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_rollup_dirty_tickets();
CREATE TRIGGER tickets_rollup_del AFTER DELETE ON tickets REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_rollup_dirty_tickets();
CREATE TRIGGER clocks_rollup_ins AFTER INSERT ON ticket_clocks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_rollup_dirty_clocks();
CREATE TRIGGER clocks_rollup_upd AFTER UPDATE ON ticket_clocks REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_rollup_dirty_clocks();

-- tickets that existed before the rollups
INSERT INTO ticket_rollup_dirty (ticket_id) SELECT id FROM tickets ON CONFLICT DO NOTHING;
