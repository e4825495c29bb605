-- In-app notifications and the outbound message log (the default outbound channel).
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  ticket_id uuid REFERENCES tickets(id),
  title text NOT NULL,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE outbound_messages (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  to_address text NOT NULL,
  subject text,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'logged',
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  ticket_id uuid REFERENCES tickets(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_messages_created_idx ON outbound_messages (created_at DESC);
