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
