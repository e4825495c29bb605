-- Saved filters (常用筛选) for work lists: a named set of list query parameters, personal or shared.
-- The stored query is re-validated on use and always runs inside the caller's own data scope, so a
-- shared filter never shows anyone more than they could see anyway.
CREATE TABLE saved_filters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  view text NOT NULL,
  name text NOT NULL,
  query jsonb NOT NULL,
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_id, view, name)
);
CREATE INDEX saved_filters_shared_idx ON saved_filters (view) WHERE shared;
