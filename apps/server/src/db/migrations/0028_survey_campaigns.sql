-- Periodic satisfaction campaigns (issue 6, 满意度测评活动): a survey sent to a random sample of the
-- customers of an org unit, stratified by its child units with quotas. Each run is a round; the
-- sample is drawn and stored in one transaction (so it is complete or absent), then invitations go
-- out in batches with the round's progress counted, resumable after a restart.
CREATE TABLE survey_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  survey_id uuid NOT NULL REFERENCES surveys(id),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  tiers text[] NOT NULL DEFAULT '{}',
  active_within_days integer,
  sample_size integer NOT NULL CHECK (sample_size > 0),
  min_per_stratum integer,
  max_per_stratum integer,
  channel text NOT NULL CHECK (channel IN ('sms', 'link')),
  expires_in_days integer NOT NULL,
  cooldown_days integer NOT NULL,
  recurrence text NOT NULL CHECK (recurrence IN ('once', 'monthly', 'quarterly')),
  next_run_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_campaigns_due_idx ON survey_campaigns (next_run_at) WHERE active;

CREATE TABLE survey_campaign_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES survey_campaigns(id),
  round_no integer NOT NULL,
  -- null on a scheduled round that could not start because the survey was no longer published
  survey_version integer,
  seed bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('sending', 'done', 'failed')),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
  population integer NOT NULL,
  sampled integer NOT NULL,
  invited integer NOT NULL DEFAULT 0,
  skipped integer NOT NULL DEFAULT 0,
  strata jsonb NOT NULL,
  error text,
  started_by uuid REFERENCES users(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (campaign_id, round_no)
);
-- at most one round of a campaign in flight
CREATE UNIQUE INDEX survey_campaign_rounds_one_open ON survey_campaign_rounds (campaign_id) WHERE state = 'sending';

CREATE TABLE survey_campaign_members (
  round_id uuid NOT NULL REFERENCES survey_campaign_rounds(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  stratum_org_unit_id uuid NOT NULL REFERENCES org_units(id),
  invitation_id uuid REFERENCES survey_invitations(id),
  -- null while waiting; invited, or why not (consent withdrawn / no phone since the draw)
  outcome text CHECK (outcome IN ('invited', 'no_consent', 'no_phone')),
  PRIMARY KEY (round_id, customer_id)
);
CREATE INDEX survey_campaign_members_pending_idx ON survey_campaign_members (round_id) WHERE outcome IS NULL;

ALTER TABLE survey_invitations ADD COLUMN campaign_round_id uuid REFERENCES survey_campaign_rounds(id);
CREATE INDEX survey_invitations_round_idx ON survey_invitations (campaign_round_id) WHERE campaign_round_id IS NOT NULL;
