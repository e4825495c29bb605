-- Public customer portal: a system account as the intake owner of self-service submissions, and a
-- tracking code the customer uses to follow their request.
ALTER TABLE users ADD COLUMN system boolean NOT NULL DEFAULT false;
ALTER TABLE tickets ADD COLUMN tracking_code text;
CREATE UNIQUE INDEX tickets_tracking_code_uq ON tickets (tracking_code) WHERE tracking_code IS NOT NULL;
