import { Flex, Tooltip, Typography } from 'antd';
import type { Indicator, IndicatorValue, PeriodFigure } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatFigure, formatParts, isPercent } from './figure';
import { useWallMode } from './wall-mode';
import { changeTone, figureChange, signedDelta, type ChangeTone } from './figure-change';

export const TONE_COLOURS: Record<ChangeTone, string> = { good: '#52c41a', bad: '#ff4d4f', flat: '#8c8c8c' };

/** One comparison: "环比 +2.0pp", coloured good / bad by the indicator's direction; the tooltip names the period compared with and its figure. */
function Comparison({ ind, now, other, which }: { ind: Indicator; now: IndicatorValue; other: PeriodFigure; which: 'previous' | 'lastYear' }) {
  const { t, i18n } = useTranslation();
  const fontSize = useWallMode().wall ? 14 : 12;
  const change = figureChange(now.value, other.value, isPercent(ind));
  const tone = change ? changeTone(change, ind.direction) : 'flat';
  const label = t(which === 'previous' ? 'dashboard.vsPrevious' : 'dashboard.vsLastYear');
  const shown = (f: Pick<PeriodFigure, 'value' | 'numerator' | 'denominator'>) => {
    const figure = formatFigure(ind, f, i18n.language);
    const parts = formatParts(f, i18n.language);
    return figure ? `${figure}${parts ? ` (${parts})` : ''}` : t('dashboard.noData');
  };
  const tip = (
    <>
      <div>{t('dashboard.periodNow', { from: now.from, to: now.to, figure: shown(now) })}</div>
      <div>{t('dashboard.periodBase', { label, from: other.from, to: other.to, figure: shown(other) })}</div>
    </>
  );
  return (
    <Tooltip title={tip}>
      <Typography.Text style={{ fontSize, whiteSpace: 'nowrap' }} data-testid={`tile-${which}`} data-tone={change ? tone : undefined}>
        <Typography.Text type="secondary" style={{ fontSize }}>{label} </Typography.Text>
        {change ? (
          <span style={{ color: TONE_COLOURS[tone], fontVariantNumeric: 'tabular-nums' }}>
            {change.kind === 'pp' ? t('dashboard.pp', { delta: signedDelta(change.delta, i18n.language) }) : `${signedDelta(change.delta, i18n.language)}%`}
          </span>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize }}>—</Typography.Text>
        )}
      </Typography.Text>
    </Tooltip>
  );
}

/** 环比 (against the previous period) and 同比 (against the same period a year earlier) under a tile's figure. */
export function TileComparisons({ ind, data }: { ind: Indicator; data: IndicatorValue | undefined }) {
  const c = data?.comparisons;
  if (!c) return null;
  return (
    <Flex gap={12} wrap data-testid="tile-comparisons">
      <Comparison ind={ind} now={data} other={c.previous} which="previous" />
      <Comparison ind={ind} now={data} other={c.lastYear} which="lastYear" />
    </Flex>
  );
}
