-- External figures (network coverage 覆盖率, call drops 掉话率, hotline answer rate 接通率…): values of
-- indicators of formula kind 'external', supplied per org unit and period by import or API push.
-- One value per indicator, unit and period: a re-push replaces it. `period` is the day, or the
-- first day of the month for a monthly indicator (an indicator has one grain).

CREATE TABLE indicator_external_values (
  indicator_key text NOT NULL REFERENCES indicators(key),
  -- a unit with supplied figures cannot be deleted from under them (the API answers 409)
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  period date NOT NULL,
  value double precision NOT NULL,
  numerator double precision,
  denominator double precision CHECK (denominator IS NULL OR denominator > 0),
  source text NOT NULL CHECK (source IN ('import', 'api')),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_key, org_unit_id, period),
  CHECK ((numerator IS NULL) = (denominator IS NULL))
);
-- a period's figures of one indicator, for the roll-up over a subtree
CREATE INDEX indicator_external_values_period_idx ON indicator_external_values (indicator_key, period);
