-- SLA pre-breach warnings, breach events and escalation levels (issue 4, item 4).
--
-- Each policy says when to warn (percent of the target used), whom each escalation level after the
-- breach notifies, and optionally the calendar whose working hours notifications wait for.
ALTER TABLE sla_policies ADD COLUMN alerts jsonb NOT NULL DEFAULT '{
  "warnAtPercent": [50, 75, 90],
  "escalations": [
    {"afterMinutes": 0, "notify": ["group_lead"]},
    {"afterMinutes": 240, "notify": ["dept_manager", "branch_manager"]},
    {"afterMinutes": 1440, "notify": ["executive"]}
  ],
  "holdToCalendarKey": null
}';

-- The group lead (组长), whom escalations naming group_lead notify.
ALTER TABLE groups ADD COLUMN lead_user_id uuid REFERENCES users(id);

-- Each clock knows which of its stages are done (fired, or skipped because their moment had passed
-- when the clock started or was recomputed) and when its next stage is due. The sweep reads only
-- clocks whose next stage is due — an index range whose size is the number due, not the number open.
ALTER TABLE ticket_clocks
  ADD COLUMN alerts_done text[] NOT NULL DEFAULT '{}',
  ADD COLUMN next_alert text,
  ADD COLUMN next_alert_at timestamptz,
  ADD CONSTRAINT ticket_clocks_next_alert_pair CHECK ((next_alert IS NULL) = (next_alert_at IS NULL));
CREATE INDEX ticket_clocks_next_alert_idx ON ticket_clocks (next_alert_at) WHERE next_alert_at IS NOT NULL;
-- "at risk": running clocks past a warning stage
CREATE INDEX ticket_clocks_warned_idx ON ticket_clocks (ticket_id) WHERE status = 'running' AND alerts_done <> '{}';

-- One row per stage fired. The unique key is what makes each stage fire exactly once, whatever the
-- number of server instances sweeping: a second insert of the same stage does nothing.
CREATE TABLE sla_alerts (
  id bigserial PRIMARY KEY,
  clock_id uuid NOT NULL REFERENCES ticket_clocks(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  stage text NOT NULL,
  due_at timestamptz NOT NULL,
  fired_at timestamptz NOT NULL DEFAULT now(),
  notified uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (clock_id, stage)
);
CREATE INDEX sla_alerts_ticket_idx ON sla_alerts (ticket_id);
