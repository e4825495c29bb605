-- A running import beats every few seconds; one whose heartbeat stopped (its server went down) is
-- marked failed by a job instead of showing "running" forever.
ALTER TABLE ticket_imports ADD COLUMN heartbeat_at timestamptz;
CREATE INDEX ticket_imports_running_idx ON ticket_imports (heartbeat_at) WHERE status = 'running';
