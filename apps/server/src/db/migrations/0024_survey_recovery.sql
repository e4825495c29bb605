-- Service recovery (服务补救, issue 6): a low score opens a follow-up ticket for the owning team.
-- Per survey, the scores that count as low (CSAT at most 2, NPS at most 6 — a detractor — by
-- default; null: that score never triggers). Each recovery links the answer and its ticket, and
-- closing the loop records whether the customer was won back.
ALTER TABLE surveys ADD COLUMN recovery_csat_max smallint DEFAULT 2 CHECK (recovery_csat_max BETWEEN 1 AND 5);
ALTER TABLE surveys ADD COLUMN recovery_nps_max smallint DEFAULT 6 CHECK (recovery_nps_max BETWEEN 0 AND 10);

CREATE TABLE survey_recoveries (
  response_id uuid PRIMARY KEY REFERENCES survey_responses(id),
  ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  reason text NOT NULL,
  recovered boolean,
  note text,
  recorded_at timestamptz,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_recoveries_org_idx ON survey_recoveries (org_unit_id, created_at);
