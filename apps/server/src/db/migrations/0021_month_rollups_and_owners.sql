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

-- 13+N (归口管理): the department that owns an indicator's province-level number. Without one, each
-- org unit owns its own figure.
CREATE TABLE indicator_owners (
  indicator_key text PRIMARY KEY,
  department_id uuid NOT NULL REFERENCES departments(id),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
