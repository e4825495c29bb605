-- SLA policies (时限标准) and per-ticket clocks.
-- A policy applies by conditions (like assignment rules, plus priorities); the first active policy
-- in `position` order whose conditions all hold wins. Targets are business minutes on the policy's
-- calendar; NULL = the policy sets no such target.
CREATE TABLE sla_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  position integer NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '{}',
  calendar_key text NOT NULL REFERENCES calendars(key),
  first_response_minutes integer CHECK (first_response_minutes >= 0),
  next_response_minutes integer CHECK (next_response_minutes >= 0),
  resolution_minutes integer CHECK (resolution_minutes >= 0),
  follow_up_minutes integer CHECK (follow_up_minutes >= 0),
  -- the published service standard the policy implements, quoted
  source_standard text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sla_policies_position_idx ON sla_policies (position);

-- One row per clock and cycle. Elapsed business minutes are banked at every pause, resume and
-- recompute (`elapsed_minutes` counted up to `counted_from`), so no computation ever replays history.
-- `pauses` keeps the pause intervals for the record (statistics, the ticket page); it is never needed
-- to compute a deadline.
CREATE TABLE ticket_clocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  kind text NOT NULL CHECK (kind IN ('first_response', 'next_response', 'resolution', 'follow_up')),
  cycle integer NOT NULL DEFAULT 1,
  policy_id uuid NOT NULL REFERENCES sla_policies(id),
  calendar_key text NOT NULL REFERENCES calendars(key),
  target_minutes integer NOT NULL CHECK (target_minutes >= 0),
  started_at timestamptz NOT NULL,
  counted_from timestamptz NOT NULL,
  elapsed_minutes integer NOT NULL DEFAULT 0,
  paused_since timestamptz,
  pauses jsonb NOT NULL DEFAULT '[]',
  deadline timestamptz,
  status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'breached', 'cancelled')),
  met_at timestamptz,
  breached_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (ticket_id, kind, cycle),
  CHECK ((status = 'paused') = (paused_since IS NOT NULL)),
  CHECK (status <> 'running' OR deadline IS NOT NULL)
);
-- policy edits find the live clocks that use the policy
CREATE INDEX ticket_clocks_live_policy_idx ON ticket_clocks (policy_id) WHERE status IN ('running', 'paused');
-- calendar edits find the live clocks counted on the calendar
CREATE INDEX ticket_clocks_live_calendar_idx ON ticket_clocks (calendar_key) WHERE status IN ('running', 'paused');

-- The earliest running deadline of the ticket's clocks; NULL when none runs (paused, satisfied, or
-- the ticket is no longer open). Only tickets with a running clock are in the index, so "what is
-- due before T" is a range scan whose cost grows with the tickets due, not with those open.
ALTER TABLE tickets ADD COLUMN next_deadline timestamptz;
CREATE INDEX tickets_next_deadline_idx ON tickets (next_deadline) WHERE next_deadline IS NOT NULL;

-- Seed policies from published standards. "48 小时" in such standards means natural (calendar)
-- hours — the customer's wait, weekends and holidays included — so those policies use 24x7.
INSERT INTO sla_policies (position, name, conditions, calendar_key, first_response_minutes, next_response_minutes, resolution_minutes, follow_up_minutes, source_standard) VALUES
(1, '快速通道（社交媒体）', '{"channels":["social_media"]}', '24x7', 60, NULL, 1440, NULL, '快速通道：1 小时内响应，24 小时内处理完毕'),
(2, '投诉处理时限', '{"types":["complaint"]}', '24x7', 2880, NULL, 4320, NULL, '投诉：48 小时内响应，72 小时内处理完毕'),
(3, '默认时限', '{}', 'cn-standard', 240, NULL, 1440, 1440, NULL);
