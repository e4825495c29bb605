-- Ticket imports: the uploaded rows wait here between upload, validation and the run, and the
-- run's progress and error report are read from here.
CREATE TABLE ticket_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  filename text NOT NULL,
  status text NOT NULL DEFAULT 'uploaded',
  mode text,
  headers jsonb NOT NULL,
  rows jsonb,
  total_rows integer NOT NULL,
  processed_rows integer NOT NULL DEFAULT 0,
  imported_rows integer NOT NULL DEFAULT 0,
  failed_rows integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX ticket_imports_user_idx ON ticket_imports (user_id, created_at DESC);
