-- Month-grain ticket rollups (issue 5, fast figures).
--
-- A one-year figure summed from day rows reads hundreds of thousands of rows at a million tickets a
-- year. The same rows summed per month (`day` = the month's first day, same keys and measures) are
-- read for the whole months of a period; the day rows only for the partial months at its ends. The
-- refresher applies every delta to both tables in the same transaction, so they never disagree.
CREATE TABLE ticket_rollups_month (LIKE ticket_rollups INCLUDING DEFAULTS);
ALTER TABLE ticket_rollups_month ADD PRIMARY KEY (day, org_unit_id, type, channel, category_id);
ALTER TABLE ticket_rollups_month ADD FOREIGN KEY (org_unit_id) REFERENCES org_units(id);
ALTER TABLE ticket_rollups_month ADD FOREIGN KEY (category_id) REFERENCES categories(id);
ALTER TABLE ticket_rollups_month ADD CONSTRAINT ticket_rollups_month_first_day CHECK (extract(day FROM day) = 1);
CREATE INDEX ticket_rollups_month_org_day_idx ON ticket_rollups_month (org_unit_id, day);

INSERT INTO ticket_rollups_month
SELECT date_trunc('month', day)::date, org_unit_id, type, channel, category_id,
       sum(accepted), sum(escalated), sum(appeals), sum(repeat), sum(fr_target), sum(fr_met), sum(frt_sum), sum(frt_n),
       sum(closed), sum(closed_resolved), sum(closed_on_time), sum(followed_up), sum(reopened), sum(fcr), sum(handle_sum), sum(handle_n)
FROM ticket_rollups GROUP BY 1, 2, 3, 4, 5;

-- Duration histograms for the p90 indicators (frt_p90, handle_p90): per rollup key, one column per
-- bucket of DURATION_BUCKET_EDGES (contracts/indicators.ts), frt_h00 … frt_h31 and handle_h00 …
-- handle_h31, by day and by month like the measures. In tables of their own so that the measure
-- rollups every tile reads stay narrow (64 more columns would make their rows five times wider),
-- and only keys with a duration get a row. The tickets that already have a duration are marked
-- dirty: the refresher recomputes their contributions and applies the difference (their histogram
-- counts) to these tables.
CREATE TABLE ticket_duration_rollups (
  day date NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  type text NOT NULL,
  channel text NOT NULL,
  category_id uuid NOT NULL REFERENCES categories(id),
  PRIMARY KEY (day, org_unit_id, type, channel, category_id)
);
DO $$
BEGIN
  FOR i IN 0..31 LOOP
    EXECUTE format('ALTER TABLE ticket_duration_rollups ADD COLUMN frt_h%1$s bigint NOT NULL DEFAULT 0, ADD COLUMN handle_h%1$s bigint NOT NULL DEFAULT 0', lpad(i::text, 2, '0'));
  END LOOP;
END $$;
CREATE INDEX ticket_duration_rollups_org_day_idx ON ticket_duration_rollups (org_unit_id, day);
CREATE TABLE ticket_duration_rollups_month (LIKE ticket_duration_rollups INCLUDING DEFAULTS);
ALTER TABLE ticket_duration_rollups_month ADD PRIMARY KEY (day, org_unit_id, type, channel, category_id);
ALTER TABLE ticket_duration_rollups_month ADD FOREIGN KEY (org_unit_id) REFERENCES org_units(id);
ALTER TABLE ticket_duration_rollups_month ADD FOREIGN KEY (category_id) REFERENCES categories(id);
ALTER TABLE ticket_duration_rollups_month ADD CONSTRAINT ticket_duration_rollups_month_first_day CHECK (extract(day FROM day) = 1);
CREATE INDEX ticket_duration_rollups_month_org_day_idx ON ticket_duration_rollups_month (org_unit_id, day);

INSERT INTO ticket_rollup_dirty (ticket_id)
SELECT DISTINCT ticket_id FROM ticket_rollup_contributions WHERE measures ? 'frt_n' OR measures ? 'handle_n'
ON CONFLICT DO NOTHING;

-- 13+N (归口管理): the department that owns an indicator's province-level number. Without one, each
-- org unit owns its own figure.
CREATE TABLE indicator_owners (
  indicator_key text PRIMARY KEY,
  department_id uuid NOT NULL REFERENCES departments(id),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
