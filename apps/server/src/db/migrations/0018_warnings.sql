-- Graded warnings (分级预警): rules, the warnings they raise, their lifecycle events and the tickets
-- behind them. A group-complaint flag (群体性投诉) on tickets, which raises a red warning.

ALTER TABLE tickets ADD COLUMN group_complaint boolean NOT NULL DEFAULT false;
CREATE INDEX tickets_group_complaint_idx ON tickets (created_at DESC) WHERE group_complaint;

CREATE TABLE warning_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('threshold', 'rise', 'batch', 'hot_topic', 'group_complaint')),
  -- the kind's parameters (contracts: WarningRuleParams), kind included
  params jsonb NOT NULL,
  plan_days jsonb NOT NULL,
  owner_department_id uuid REFERENCES departments(id),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE warning_no_seq;

CREATE TABLE warnings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warning_no text NOT NULL UNIQUE,
  rule_id uuid NOT NULL REFERENCES warning_rules(id),
  kind text NOT NULL,
  -- rule + org unit + subject (indicator, category, word, ticket): the ongoing condition
  condition_key text NOT NULL,
  level text NOT NULL CHECK (level IN ('yellow', 'orange', 'red')),
  state text NOT NULL CHECK (state IN ('raised', 'acknowledged', 'plan_submitted', 'verified', 'closed')),
  title text NOT NULL,
  title_en text NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  owner_department_id uuid REFERENCES departments(id),
  evidence jsonb NOT NULL,
  ticket_count integer NOT NULL DEFAULT 0,
  raised_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  occurrences integer NOT NULL DEFAULT 1,
  -- what the last finding saw (its window's end day, its tickets): a finding with the same stamp is
  -- the same finding seen again, not another occurrence
  last_stamp text NOT NULL,
  plan_due_at timestamptz NOT NULL,
  escalation_level integer NOT NULL DEFAULT 0,
  -- when the next escalation falls due while no plan is in; null once a plan is in or closed
  next_escalation_at timestamptz,
  plan jsonb,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users(id),
  plan_submitted_at timestamptz,
  plan_submitted_by uuid REFERENCES users(id),
  verified_at timestamptz,
  verified_by uuid REFERENCES users(id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  close_reason text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open warning per ongoing condition: a repeat finding merges into it (the evaluator's upsert key).
CREATE UNIQUE INDEX warnings_open_condition_uq ON warnings (condition_key) WHERE state <> 'closed';
CREATE INDEX warnings_org_raised_idx ON warnings (org_unit_id, raised_at DESC);
CREATE INDEX warnings_raised_idx ON warnings (raised_at DESC);
CREATE INDEX warnings_escalation_idx ON warnings (next_escalation_at) WHERE next_escalation_at IS NOT NULL;

CREATE TABLE warning_events (
  id bigserial PRIMARY KEY,
  warning_id uuid NOT NULL REFERENCES warnings(id) ON DELETE CASCADE,
  kind text NOT NULL,
  actor_id uuid REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  note text,
  data jsonb
);
CREATE INDEX warning_events_warning_idx ON warning_events (warning_id, id);

-- The tickets behind a warning (batch, hot topic, group complaint); threshold and rise warnings
-- are traced through their indicator instead.
CREATE TABLE warning_tickets (
  warning_id uuid NOT NULL REFERENCES warnings(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  PRIMARY KEY (warning_id, ticket_id)
);

ALTER TABLE notifications ADD COLUMN warning_id uuid REFERENCES warnings(id) ON DELETE CASCADE;
ALTER TABLE outbound_messages ADD COLUMN warning_id uuid REFERENCES warnings(id) ON DELETE SET NULL;

-- The rules every installation starts with (the domain's examples); the quality department edits them.
INSERT INTO warning_rules (name, name_en, kind, params, plan_days) VALUES
  ('投诉量环比上升', 'Complaints up week on week', 'rise',
   '{"kind":"rise","indicatorKey":"complaints","windowDays":7,"yellowPct":30,"orangePct":60,"redPct":100,"alpha":0.05,"minCount":10,"orgKinds":["province","branch","store"]}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('批量投诉', 'Batch complaints', 'batch',
   '{"kind":"batch","types":["complaint","fault"],"minCustomers":20,"windowMinutes":120,"lookbackHours":24,"level":"orange"}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('投诉热点', 'Complaint hot topics', 'hot_topic',
   '{"kind":"hot_topic","types":["complaint"],"windowDays":7,"baselineDays":28,"minDocs":5,"minLift":3,"topN":3,"orgKinds":["province","branch"],"level":"yellow"}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('群体性投诉', 'Group complaints', 'group_complaint',
   '{"kind":"group_complaint","lookbackHours":72}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('投诉处理及时率', 'Complaints handled on time', 'threshold',
   '{"kind":"threshold","indicatorKey":"on_time_rate","windowDays":30,"minDenominator":20,"orgKinds":["province","branch"]}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('首次响应达标率', 'First response on time', 'threshold',
   '{"kind":"threshold","indicatorKey":"first_response_met","windowDays":30,"minDenominator":20,"orgKinds":["province","branch"]}',
   '{"yellow":3,"orange":2,"red":1}'),
  ('升级投诉率', 'Escalated complaint rate', 'threshold',
   '{"kind":"threshold","indicatorKey":"escalation_rate","windowDays":30,"minDenominator":20,"orgKinds":["province","branch"]}',
   '{"yellow":3,"orange":2,"red":1}');
