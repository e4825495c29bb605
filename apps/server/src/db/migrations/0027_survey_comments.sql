-- Verbatim comments (原话, issue 6, analysis): each free-text answer one row, written with the
-- answer, with its jieba keywords (TF-IDF, stop words removed) so the keyword cloud counts words in
-- SQL (unnest + group) and a keyword filters through the GIN index instead of segmenting text or
-- unpacking every answer's JSON at read time. The answer's headline scores are copied so "comments
-- from detractors" needs no join; channel is the service channel: the answered ticket's, else the
-- answer's own.
CREATE TABLE survey_comments (
  response_id uuid NOT NULL REFERENCES survey_responses(id),
  question_key text NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  text text NOT NULL,
  org_unit_id uuid REFERENCES org_units(id),
  channel text NOT NULL,
  csat smallint,
  nps smallint,
  keywords text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (response_id, question_key)
);
-- a survey's comments in a period, newest first (the list and the cloud)
CREATE INDEX survey_comments_survey_created_idx ON survey_comments (survey_id, created_at DESC);
-- a unit's subtree in a period
CREATE INDEX survey_comments_org_created_idx ON survey_comments (org_unit_id, created_at);
-- comments containing a keyword (keywords @> ARRAY[…])
CREATE INDEX survey_comments_keywords_gin ON survey_comments USING gin (keywords);

-- Answers given before this table existed get their comments from a catch-up job (jieba runs in
-- the server, not in SQL): it walks the older answers in (created_at, id) order from this cursor
-- and deletes the row when it is through.
INSERT INTO app_settings (key, value)
SELECT 'survey_comments_catch_up', jsonb_build_object('before', now())
WHERE EXISTS (SELECT 1 FROM survey_responses);

-- Daily tallies (issue 6, analysis at scale): the analysis and its trend read a year of a
-- province's answers; summed per calendar day (Asia/Shanghai) and org unit as they are written,
-- a year is some ten thousand rows instead of every answer and every scored item. Kept by
-- statement triggers on the answer tables, so every writer (the answer page, scan points, demo
-- and benchmark generators, tests) keeps them right without knowing about them; an update or a
-- deletion adds the old rows back with a minus sign and the new ones with a plus.
-- Each key has up to 8 rows (`slot`, from the writing connection): answers arriving at once for
-- the same store and day would otherwise all queue on one row's lock. Readers always sum.
CREATE TABLE survey_day_scores (
  survey_id uuid NOT NULL,
  day date NOT NULL,
  org_unit_id uuid NOT NULL,
  -- 'all': answers (score 0); 'csat' / 'nps': answers with that headline score
  kind text NOT NULL CHECK (kind IN ('all', 'csat', 'nps')),
  score smallint NOT NULL,
  slot smallint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (survey_id, day, org_unit_id, kind, score, slot)
);

-- the same by service channel (the answered ticket's, else the answer's own): the breakdown by channel
CREATE TABLE survey_day_channels (
  survey_id uuid NOT NULL,
  day date NOT NULL,
  org_unit_id uuid NOT NULL,
  channel text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('all', 'csat', 'nps')),
  score smallint NOT NULL,
  slot smallint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (survey_id, day, org_unit_id, channel, kind, score, slot)
);

CREATE TABLE survey_day_items (
  survey_id uuid NOT NULL,
  day date NOT NULL,
  org_unit_id uuid NOT NULL,
  question_key text NOT NULL,
  type text NOT NULL,
  element_id uuid,
  dimension text,
  slot smallint NOT NULL,
  -- scored answers (csat / nps / stars) and the sum of their scores
  scored integer NOT NULL,
  score_sum bigint NOT NULL,
  -- SERVQUAL pairs and the sums of both halves
  paired integer NOT NULL,
  expectation_sum bigint NOT NULL,
  perception_sum bigint NOT NULL,
  CONSTRAINT survey_day_items_key UNIQUE NULLS NOT DISTINCT (survey_id, day, org_unit_id, question_key, type, element_id, dimension, slot)
);

CREATE FUNCTION survey_day_scores_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint := pg_backend_pid() % 8;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO survey_day_scores AS s (survey_id, day, org_unit_id, kind, score, slot, n)
    SELECT o.survey_id, (o.created_at AT TIME ZONE 'Asia/Shanghai')::date, o.org_unit_id, k.kind, k.score, writer_slot, -count(*)::int
    FROM old_rows o CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', o.csat), ('nps', o.nps)) AS k(kind, score)
    WHERE o.org_unit_id IS NOT NULL AND k.score IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (survey_id, day, org_unit_id, kind, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n;
    INSERT INTO survey_day_channels AS s (survey_id, day, org_unit_id, channel, kind, score, slot, n)
    SELECT o.survey_id, (o.created_at AT TIME ZONE 'Asia/Shanghai')::date, o.org_unit_id, COALESCE(t.channel, o.channel), k.kind, k.score, writer_slot, -count(*)::int
    FROM old_rows o LEFT JOIN tickets t ON t.id = o.ticket_id
    CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', o.csat), ('nps', o.nps)) AS k(kind, score)
    WHERE o.org_unit_id IS NOT NULL AND k.score IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (survey_id, day, org_unit_id, channel, kind, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO survey_day_scores AS s (survey_id, day, org_unit_id, kind, score, slot, n)
    SELECT r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, k.kind, k.score, writer_slot, count(*)::int
    FROM new_rows r CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
    WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (survey_id, day, org_unit_id, kind, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n;
    INSERT INTO survey_day_channels AS s (survey_id, day, org_unit_id, channel, kind, score, slot, n)
    SELECT r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, COALESCE(t.channel, r.channel), k.kind, k.score, writer_slot, count(*)::int
    FROM new_rows r LEFT JOIN tickets t ON t.id = r.ticket_id
    CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
    WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (survey_id, day, org_unit_id, channel, kind, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER survey_day_scores_insert AFTER INSERT ON survey_responses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_scores_apply();
CREATE TRIGGER survey_day_scores_update AFTER UPDATE ON survey_responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_scores_apply();
CREATE TRIGGER survey_day_scores_delete AFTER DELETE ON survey_responses REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_scores_apply();

CREATE FUNCTION survey_day_items_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  writer_slot smallint := pg_backend_pid() % 8;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO survey_day_items AS s (survey_id, day, org_unit_id, question_key, type, element_id, dimension, slot, scored, score_sum, paired, expectation_sum, perception_sum)
    SELECT survey_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, org_unit_id, question_key, type, element_id, dimension, writer_slot,
           -count(score)::int, -coalesce(sum(score), 0),
           -count(*) FILTER (WHERE expectation IS NOT NULL AND perception IS NOT NULL)::int,
           -coalesce(sum(expectation) FILTER (WHERE perception IS NOT NULL), 0), -coalesce(sum(perception) FILTER (WHERE expectation IS NOT NULL), 0)
    FROM old_rows WHERE org_unit_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT survey_day_items_key DO UPDATE SET
      scored = s.scored + EXCLUDED.scored, score_sum = s.score_sum + EXCLUDED.score_sum, paired = s.paired + EXCLUDED.paired,
      expectation_sum = s.expectation_sum + EXCLUDED.expectation_sum, perception_sum = s.perception_sum + EXCLUDED.perception_sum;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO survey_day_items AS s (survey_id, day, org_unit_id, question_key, type, element_id, dimension, slot, scored, score_sum, paired, expectation_sum, perception_sum)
    SELECT survey_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, org_unit_id, question_key, type, element_id, dimension, writer_slot,
           count(score)::int, coalesce(sum(score), 0),
           count(*) FILTER (WHERE expectation IS NOT NULL AND perception IS NOT NULL)::int,
           coalesce(sum(expectation) FILTER (WHERE perception IS NOT NULL), 0), coalesce(sum(perception) FILTER (WHERE expectation IS NOT NULL), 0)
    FROM new_rows WHERE org_unit_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT survey_day_items_key DO UPDATE SET
      scored = s.scored + EXCLUDED.scored, score_sum = s.score_sum + EXCLUDED.score_sum, paired = s.paired + EXCLUDED.paired,
      expectation_sum = s.expectation_sum + EXCLUDED.expectation_sum, perception_sum = s.perception_sum + EXCLUDED.perception_sum;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER survey_day_items_insert AFTER INSERT ON survey_response_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_items_apply();
CREATE TRIGGER survey_day_items_update AFTER UPDATE ON survey_response_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_items_apply();
CREATE TRIGGER survey_day_items_delete AFTER DELETE ON survey_response_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_day_items_apply();

-- the answers so far, tallied once (the triggers keep it from here)
INSERT INTO survey_day_scores (survey_id, day, org_unit_id, kind, score, slot, n)
SELECT r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, k.kind, k.score, 0, count(*)::int
FROM survey_responses r CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO survey_day_items (survey_id, day, org_unit_id, question_key, type, element_id, dimension, slot, scored, score_sum, paired, expectation_sum, perception_sum)
SELECT survey_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date, org_unit_id, question_key, type, element_id, dimension, 0,
       count(score)::int, coalesce(sum(score), 0),
       count(*) FILTER (WHERE expectation IS NOT NULL AND perception IS NOT NULL)::int,
       coalesce(sum(expectation) FILTER (WHERE perception IS NOT NULL), 0), coalesce(sum(perception) FILTER (WHERE expectation IS NOT NULL), 0)
FROM survey_response_items WHERE org_unit_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO survey_day_channels (survey_id, day, org_unit_id, channel, kind, score, slot, n)
SELECT r.survey_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.org_unit_id, COALESCE(t.channel, r.channel), k.kind, k.score, 0, count(*)::int
FROM survey_responses r LEFT JOIN tickets t ON t.id = r.ticket_id
CROSS JOIN LATERAL (VALUES ('all', 0::smallint), ('csat', r.csat), ('nps', r.nps)) AS k(kind, score)
WHERE r.org_unit_id IS NOT NULL AND k.score IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;

-- invitations sent in a period (the analysis's response rate) without reading them all; links
-- minted by a scan (扫码评价) were sent to nobody and are not counted
CREATE INDEX survey_invitations_survey_created_idx ON survey_invitations (survey_id, created_at) INCLUDE (org_unit_id, answered_at) WHERE scan_point_id IS NULL;
