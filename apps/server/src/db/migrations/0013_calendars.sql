-- Business calendars (工作日历). The definition is the plain-data calendar the engine reads
-- (modules/calendars/calendar-types.ts); `version` guards concurrent edits. The two seeded calendars
-- must equal modules/calendars/seed-calendars.ts (a test compares them).
CREATE TABLE calendars (
  key text PRIMARY KEY,
  definition jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO calendars (key, definition) VALUES
('cn-standard', '{"name":"标准工作日（周一至周五 9:00–18:00，法定节假日及调休）","timeZone":"Asia/Shanghai","mode":"weekly","week":{"1":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}],"2":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}],"3":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}],"4":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}],"5":[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}]},"useStatutoryHolidays":true,"makeUpDayHoursFrom":1,"extraHolidays":[],"extraWorkdays":[]}'),
('24x7', '{"name":"7×24 小时","timeZone":"Asia/Shanghai","mode":"24x7","week":{},"useStatutoryHolidays":false,"makeUpDayHoursFrom":1,"extraHolidays":[],"extraWorkdays":[]}');
