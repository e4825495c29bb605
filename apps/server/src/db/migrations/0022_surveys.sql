-- Satisfaction surveys (issue 6): questionnaires with versions.
--
-- A survey's content lives in numbered versions. The draft is the one version without
-- published_at; publishing stamps it and it never changes again (a trigger refuses any change to
-- a published version's content, and its deletion), so every answer can be read against exactly
-- the questions it answered.
CREATE TABLE surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'retired')),
  published_version integer,
  draft_version integer,
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (published_version IS NOT NULL OR state = 'draft')
);
CREATE UNIQUE INDEX surveys_code_uq ON surveys (lower(code));

CREATE TABLE survey_versions (
  survey_id uuid NOT NULL REFERENCES surveys(id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  published_at timestamptz,
  published_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (survey_id, version)
);
-- at most one draft per survey
CREATE UNIQUE INDEX survey_versions_one_draft ON survey_versions (survey_id) WHERE published_at IS NULL;

CREATE FUNCTION survey_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.version <> OLD.version OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'survey % version % is published and cannot change', OLD.survey_id, OLD.version USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER survey_versions_frozen BEFORE UPDATE OR DELETE ON survey_versions FOR EACH ROW EXECUTE FUNCTION survey_version_frozen();

-- An invitation to answer: one signed single-use link (the token carries its id, survey, version
-- and expiry, signed with the server's secret). answered_at makes it single-use: the answer is
-- accepted only by the update that sets it. progress keeps a half-filled form.
CREATE TABLE survey_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  ticket_id uuid REFERENCES tickets(id),
  customer_id uuid REFERENCES customers(id),
  org_unit_id uuid REFERENCES org_units(id),
  channel text NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  progress jsonb,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
);
CREATE INDEX survey_invitations_customer_idx ON survey_invitations (customer_id, created_at);
CREATE INDEX survey_invitations_ticket_idx ON survey_invitations (ticket_id);

-- Answers, each kept with the version it answered.
CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  version integer NOT NULL,
  invitation_id uuid UNIQUE REFERENCES survey_invitations(id),
  org_unit_id uuid REFERENCES org_units(id),
  ticket_id uuid REFERENCES tickets(id),
  customer_id uuid REFERENCES customers(id),
  staff_user_id uuid REFERENCES users(id),
  channel text NOT NULL,
  answers jsonb NOT NULL,
  csat smallint CHECK (csat BETWEEN 1 AND 5),
  nps smallint CHECK (nps BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (survey_id, version) REFERENCES survey_versions(survey_id, version)
);
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, version);
CREATE INDEX survey_responses_org_created_idx ON survey_responses (org_unit_id, created_at);
