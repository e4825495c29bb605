import type { IndicatorBreakdown } from '@qloop/contracts';

/** A breakdown key's label in the reader's language (the English one when set, else the Chinese), or the key itself. Pure. */
export function breakdownLabel(labels: IndicatorBreakdown['labels'] | undefined, key: string, locale: string): string {
  const l = labels?.[key];
  if (!l) return key;
  return locale.startsWith('zh') ? l.zh : l.en || l.zh;
}
