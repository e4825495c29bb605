-- Groups (处理组/队列) and ordered assignment rules.
CREATE TABLE groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  department_id uuid REFERENCES departments(id),
  code text NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX groups_code_uq ON groups (lower(code));

CREATE TABLE group_members (
  group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  skills text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id);

CREATE TABLE assignment_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- explicit order: the first active matching rule wins
  position integer NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '{}',
  group_id uuid NOT NULL REFERENCES groups(id),
  strategy text NOT NULL CHECK (strategy IN ('round_robin', 'least_open', 'skill')),
  skill text,
  -- round robin: who was picked last
  last_picked uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignment_rules_position_idx ON assignment_rules (position);

ALTER TABLE tickets ADD COLUMN group_id uuid REFERENCES groups(id);
CREATE INDEX tickets_group_idx ON tickets (group_id, state);
