-- The indicator library as data (issue 5): custom indicators defined by administrators without a
-- release, and targets / yellow-orange-red thresholds per indicator and org unit. Built-in
-- indicators stay in code (modules/indicators/built-in-indicators.ts, the keys of kpis.md); their
-- settings live here like any other's, which is why indicator_settings.indicator_key has no
-- foreign key.

CREATE TABLE indicators (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND length(key) BETWEEN 2 AND 60),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- contracts: CustomIndicatorFormula (ratio, per_customers, count over ticket measures; external)
  formula jsonb NOT NULL,
  unit text NOT NULL,
  unit_en text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('higher_better', 'lower_better')),
  -- the defaults, where no org unit on the path has a setting of its own
  target double precision,
  yellow double precision,
  orange double precision,
  red double precision,
  -- an indicator warning rules refer to is deactivated, never deleted
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  updated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One setting per indicator and org unit: the whole record (target and the three thresholds) holds
-- for the unit's subtree, down to the next unit with a setting of its own.
CREATE TABLE indicator_settings (
  indicator_key text NOT NULL,
  org_unit_id uuid NOT NULL REFERENCES org_units(id) ON DELETE CASCADE,
  target double precision,
  yellow double precision,
  orange double precision,
  red double precision,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_key, org_unit_id)
);
