-- Automatic post-ticket surveys (issue 6): sending rules, and a log of what each ticket event led
-- to (sent, or skipped and why), so every invitation — and every one not sent — can be traced.
CREATE TABLE survey_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES surveys(id),
  trigger text NOT NULL CHECK (trigger IN ('answered', 'closed')),
  types text[] NOT NULL DEFAULT '{}',
  channels text[] NOT NULL DEFAULT '{}',
  category_ids uuid[] NOT NULL DEFAULT '{}',
  cooldown_days integer NOT NULL DEFAULT 30,
  expires_in_days integer NOT NULL DEFAULT 7,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_sends (
  event_id bigint PRIMARY KEY REFERENCES ticket_events(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  rule_id uuid NOT NULL REFERENCES survey_rules(id),
  outcome text NOT NULL CHECK (outcome IN ('sent', 'cooldown', 'no_consent', 'no_phone', 'survey_closed')),
  invitation_id uuid REFERENCES survey_invitations(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_sends_rule_idx ON survey_sends (rule_id, outcome);

-- How far the sender has read the ticket timeline: it starts now, so installing the rules does not
-- survey every ticket answered in the past.
CREATE TABLE survey_send_cursor (
  id integer PRIMARY KEY CHECK (id = 1),
  last_event_id bigint NOT NULL
);
INSERT INTO survey_send_cursor (id, last_event_id) SELECT 1, coalesce(max(id), 0) FROM ticket_events;
