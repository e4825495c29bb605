-- Monthly keyword tallies (issue 6, the keyword cloud at scale): the cloud of a province's year
-- unnested every keyword of every comment (hundreds of thousands) on each request. Counted per
-- calendar month (Asia/Shanghai), org unit and keyword as comments are written, a year is read from
-- its whole months here and only the days before the first and after the last whole month from the
-- comments themselves. The NPS band of each comment is kept so "detractors only" and the detractor
-- share come from the tally too; filters the tally does not hold (channel, CSAT) read the comments.
-- The row with keyword '' counts the comments themselves (no keyword is empty).
-- Like the daily tallies: statement triggers keep it for every writer, updates and deletions take
-- the old rows back, and each key has up to 8 rows (`slot`, by writing connection); readers sum.
CREATE TABLE survey_month_keywords (
  survey_id uuid NOT NULL,
  month date NOT NULL, -- the first day of the month
  org_unit_id uuid NOT NULL,
  keyword text NOT NULL,
  slot smallint NOT NULL,
  n integer NOT NULL,
  detractors integer NOT NULL,
  passives integer NOT NULL,
  promoters integer NOT NULL,
  PRIMARY KEY (survey_id, month, org_unit_id, keyword, slot)
);

CREATE FUNCTION survey_month_keywords_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint := pg_backend_pid() % 8;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO survey_month_keywords AS s (survey_id, month, org_unit_id, keyword, slot, n, detractors, passives, promoters)
    SELECT o.survey_id, date_trunc('month', o.created_at AT TIME ZONE 'Asia/Shanghai')::date, o.org_unit_id, k.keyword, writer_slot,
           -count(*)::int, -count(*) FILTER (WHERE o.nps BETWEEN 0 AND 6)::int,
           -count(*) FILTER (WHERE o.nps BETWEEN 7 AND 8)::int, -count(*) FILTER (WHERE o.nps BETWEEN 9 AND 10)::int
    FROM old_rows o CROSS JOIN LATERAL (SELECT '' AS keyword UNION ALL SELECT unnest(o.keywords)) AS k
    WHERE o.org_unit_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (survey_id, month, org_unit_id, keyword, slot) DO UPDATE SET
      n = s.n + EXCLUDED.n, detractors = s.detractors + EXCLUDED.detractors, passives = s.passives + EXCLUDED.passives, promoters = s.promoters + EXCLUDED.promoters;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO survey_month_keywords AS s (survey_id, month, org_unit_id, keyword, slot, n, detractors, passives, promoters)
    SELECT r.survey_id, date_trunc('month', r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, k.keyword, writer_slot,
           count(*)::int, count(*) FILTER (WHERE r.nps BETWEEN 0 AND 6)::int,
           count(*) FILTER (WHERE r.nps BETWEEN 7 AND 8)::int, count(*) FILTER (WHERE r.nps BETWEEN 9 AND 10)::int
    FROM new_rows r CROSS JOIN LATERAL (SELECT '' AS keyword UNION ALL SELECT unnest(r.keywords)) AS k
    WHERE r.org_unit_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (survey_id, month, org_unit_id, keyword, slot) DO UPDATE SET
      n = s.n + EXCLUDED.n, detractors = s.detractors + EXCLUDED.detractors, passives = s.passives + EXCLUDED.passives, promoters = s.promoters + EXCLUDED.promoters;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER survey_month_keywords_insert AFTER INSERT ON survey_comments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_month_keywords_apply();
CREATE TRIGGER survey_month_keywords_update AFTER UPDATE ON survey_comments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_month_keywords_apply();
CREATE TRIGGER survey_month_keywords_delete AFTER DELETE ON survey_comments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_month_keywords_apply();

-- the comments so far, tallied once (the trigger keeps it from here)
INSERT INTO survey_month_keywords (survey_id, month, org_unit_id, keyword, slot, n, detractors, passives, promoters)
SELECT c.survey_id, date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai')::date, c.org_unit_id, k.keyword, 0,
       count(*)::int, count(*) FILTER (WHERE c.nps BETWEEN 0 AND 6)::int,
       count(*) FILTER (WHERE c.nps BETWEEN 7 AND 8)::int, count(*) FILTER (WHERE c.nps BETWEEN 9 AND 10)::int
FROM survey_comments c CROSS JOIN LATERAL (SELECT '' AS keyword UNION ALL SELECT unnest(c.keywords)) AS k
WHERE c.org_unit_id IS NOT NULL
GROUP BY 1, 2, 3, 4;
