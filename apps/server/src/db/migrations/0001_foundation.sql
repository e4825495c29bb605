-- Qloop foundation: organisation, accounts, sessions, API tokens, customer base, audit trail.
-- Applied by db/migrate.ts on both PGlite and PostgreSQL; keep it plain PostgreSQL.

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES org_units(id),
  kind text NOT NULL CHECK (kind IN ('province', 'branch', 'store', 'team')),
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  active boolean NOT NULL DEFAULT true,
  -- ids from the root down to this unit, inclusive: scope checks are one array containment
  path uuid[] NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_units_code_uq ON org_units (lower(code));
CREATE INDEX org_units_parent_idx ON org_units (parent_id);
CREATE INDEX org_units_path_gin ON org_units USING gin (path);

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX departments_code_uq ON departments (lower(code));

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  email text,
  phone text,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'quality_manager', 'dept_manager', 'branch_manager', 'agent', 'inspector', 'executive')),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  active boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'zh-CN',
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
CREATE INDEX users_org_unit_idx ON users (org_unit_id);

CREATE TABLE user_departments (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  department_id uuid NOT NULL REFERENCES departments(id),
  PRIMARY KEY (user_id, department_id)
);
CREATE INDEX user_departments_dept_idx ON user_departments (department_id);

-- Session ids are random; only their SHA-256 is stored, so a leaked table opens no session.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX api_tokens_hash_uq ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Customer base per org unit and month: the denominator of 万客户投诉率 and 百万用户申诉率.
CREATE TABLE customer_base (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  month char(7) NOT NULL,
  customers integer NOT NULL CHECK (customers >= 0),
  updated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_unit_id, month)
);
CREATE INDEX customer_base_month_idx ON customer_base (month);

-- Audit trail (存证). Entries form several independent hash chains so that concurrent writers do
-- not queue behind one global head; each chain's head row is locked only by the transaction
-- appending to it. Verification walks every chain and checks it against its head.
CREATE TABLE audit_chain_heads (
  chain smallint PRIMARY KEY,
  seq bigint NOT NULL DEFAULT 0,
  hash text NOT NULL
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  chain smallint NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  org_unit_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain, seq)
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_org_idx ON audit_log (org_unit_id, at DESC);

-- Small key/value settings, e.g. whether first-run setup is complete.
CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Sixteen audit chains; see modules/audit/audit-chain.ts for why more than one.
INSERT INTO audit_chain_heads (chain, seq, hash)
SELECT g, 0, repeat('0', 64) FROM generate_series(0, 15) AS g;
