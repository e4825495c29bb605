-- Scored answers one per row (issue 6, analysis): each CSAT / NPS / star / SERVQUAL answer with
-- the perception element and SERVQUAL dimension its question measures, so the analysis sums and
-- averages in SQL instead of unpacking every answer's JSON. Written with the answer.
CREATE TABLE survey_response_items (
  response_id uuid NOT NULL REFERENCES survey_responses(id),
  question_key text NOT NULL,
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  type text NOT NULL,
  element_id uuid REFERENCES categories(id),
  dimension text,
  score smallint,
  expectation smallint,
  perception smallint,
  org_unit_id uuid REFERENCES org_units(id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (response_id, question_key)
);
CREATE INDEX survey_response_items_survey_idx ON survey_response_items (survey_id, created_at);
CREATE INDEX survey_response_items_org_idx ON survey_response_items (org_unit_id, created_at);
CREATE INDEX survey_responses_survey_created_idx ON survey_responses (survey_id, created_at);

-- Weights of the perception elements in the satisfaction index (满意度指数); an element without a
-- row weighs 1.
CREATE TABLE survey_element_weights (
  element_id uuid PRIMARY KEY REFERENCES categories(id),
  weight numeric NOT NULL CHECK (weight > 0),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
