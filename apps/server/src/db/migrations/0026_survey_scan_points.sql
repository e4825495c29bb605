-- Scan-to-rate points (扫码评价, issue 6): a printed QR code at a store, a counter or a staff
-- member's desk. The code in the QR is short and public (/q/<code>); scanning it mints a fresh
-- single-use invitation of the point's survey, so the answer lands in the database the moment it
-- is given, carrying the point, its org unit and (for a staff point) the staff member.
--
-- code: 10 characters of RFC 4648 base32 (50 random bits) — printed, so short, but not guessable
-- by walking codes. row_version guards two editors; a point is deactivated, never deleted, so the
-- answers given through it keep their link.
CREATE TABLE survey_scan_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z2-7]{10}$'),
  survey_id uuid NOT NULL REFERENCES surveys(id),
  kind text NOT NULL CHECK (kind IN ('store', 'counter', 'staff')),
  label_zh text NOT NULL,
  label_en text,
  org_unit_id uuid NOT NULL REFERENCES org_units(id),
  staff_user_id uuid REFERENCES users(id),
  active boolean NOT NULL DEFAULT true,
  row_version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- a staff point names its staff member; the other kinds name nobody
  CHECK ((kind = 'staff') = (staff_user_id IS NOT NULL))
);
CREATE UNIQUE INDEX survey_scan_points_code_uq ON survey_scan_points (code);
CREATE INDEX survey_scan_points_org_idx ON survey_scan_points (org_unit_id);
CREATE INDEX survey_scan_points_survey_idx ON survey_scan_points (survey_id);

-- The invitation a scan mints remembers its point and staff member; the answer takes its org unit
-- and staff member from it (survey_responses.staff_user_id exists since 0022).
ALTER TABLE survey_invitations ADD COLUMN scan_point_id uuid REFERENCES survey_scan_points(id);
ALTER TABLE survey_invitations ADD COLUMN staff_user_id uuid REFERENCES users(id);
CREATE INDEX survey_invitations_scan_point_idx ON survey_invitations (scan_point_id) WHERE scan_point_id IS NOT NULL;
