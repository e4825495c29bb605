import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The wall-clock time picked in the browser, read as that time in `zone` (the calendar's), as ISO
 * 8601 with the zone's offset: 17:30 picked means 17:30 in Beijing even for a user abroad.
 */
export function wallTimeInZone(picked: Dayjs, zone: string): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), zone).format();
}

/** "2026-10-08 10:00 周四" from an ISO time the server gave in the calendar's zone (its wall time as written). */
export function formatZonedWallTime(iso: string): string {
  const wall = dayjs(iso.slice(0, 19));
  return wall.format('YYYY-MM-DD HH:mm ddd');
}
