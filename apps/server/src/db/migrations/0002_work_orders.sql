-- Work orders (工单): categories, customers, tickets, their timeline and idempotency keys.

-- Category tree (分类): the top levels are the 3 categories / 19 perception elements of the brief.
CREATE TABLE categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES categories(id),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  code text NOT NULL,
  name text NOT NULL,
  name_en text,
  -- retired categories stay valid on old tickets but are not offered for new ones
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  path uuid[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_code_uq ON categories (lower(code));
CREATE INDEX categories_parent_idx ON categories (parent_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  name text,
  phone text,
  customer_no text,
  id_number text,
  tier text NOT NULL DEFAULT 'normal' CHECK (tier IN ('vip', 'normal')),
  consent_sms boolean NOT NULL DEFAULT true,
  consent_survey boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_no_uq ON customers (customer_no) WHERE customer_no IS NOT NULL;
CREATE INDEX customers_phone_idx ON customers (phone);
CREATE INDEX customers_org_idx ON customers (org_unit_id);

CREATE SEQUENCE ticket_no_seq;

CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- human number, e.g. GD20261123000042
  no text NOT NULL UNIQUE,
  type text NOT NULL,
  channel text NOT NULL,
  priority text NOT NULL,
  state text NOT NULL,
  pending_from text,
  pending_reason text,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  category_id uuid NOT NULL REFERENCES categories(id),
  -- level-2 ancestor of the category: 重复投诉 compares these
  category_l2_id uuid REFERENCES categories(id),
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  customer_id uuid NOT NULL REFERENCES customers(id),
  -- 首问负责人: who accepted it; kept through transfers
  first_owner_id uuid NOT NULL REFERENCES users(id),
  assignee_id uuid REFERENCES users(id),
  escalated boolean NOT NULL DEFAULT false,
  escalation_source text,
  regulator_appeal boolean NOT NULL DEFAULT false,
  repeat_of uuid REFERENCES tickets(id),
  merged_into uuid REFERENCES tickets(id),
  changes_service boolean NOT NULL DEFAULT false,
  outcome text,
  confirmation jsonb,
  follow_up_result text,
  transfer_count integer NOT NULL DEFAULT 0,
  reopen_count integer NOT NULL DEFAULT 0,
  -- jieba tokens of title and description, for Chinese full-text search
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX tickets_org_created_idx ON tickets (org_unit_id, created_at DESC);
CREATE INDEX tickets_state_idx ON tickets (state, created_at DESC);
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, state);
CREATE INDEX tickets_customer_idx ON tickets (customer_id, category_l2_id, created_at DESC);
CREATE INDEX tickets_search_gin ON tickets USING gin (to_tsvector('simple', search_text));

-- Timeline (处理记录): every step, public reply, internal note and call record.
CREATE TABLE ticket_events (
  id bigserial PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users(id),
  kind text NOT NULL,
  action text,
  from_state text,
  to_state text,
  visibility text NOT NULL DEFAULT 'internal' CHECK (visibility IN ('public', 'internal')),
  body text,
  data jsonb
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- A retried API submission with the same key returns the ticket it created the first time.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users(id),
  key text NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
