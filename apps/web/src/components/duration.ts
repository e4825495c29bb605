import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Whole hours and the minutes left over: SLA targets are stored in minutes but read in hours. */
export function splitMinutes(total: number): { h: number; m: number } {
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** "48 小时", "1 小时 30 分钟", "45 分钟" (or "48 h" …) for a number of minutes. */
export function useFormatMinutes() {
  const { t } = useTranslation();
  return useCallback(
    (total: number) => {
      const { h, m } = splitMinutes(Math.max(0, Math.round(total)));
      if (h && m) return t('sla.durationHM', { h, m });
      return h ? t('sla.durationH', { h }) : t('sla.durationM', { m });
    },
    [t],
  );
}
