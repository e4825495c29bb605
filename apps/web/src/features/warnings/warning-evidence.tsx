import { Card, Descriptions, Typography } from 'antd';
import type { Indicator, WarningDetail, WarningEvidence as Evidence } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useIndicators } from '../../api/indicators';
import { formatDateTime } from '../../components/format';
import { formatFigure } from '../dashboard/figure';
import { useCategoryTree } from '../tickets/categories';
import { formatLift, formatPct, formatPValue, isDay, sharePct } from './warning-format';

const when = (s: string) => (isDay(s) ? s : formatDateTime(s));

/** An indicator's figure with its unit ("17.5%", "0.07 件/万户"), or the bare number when the indicator is unknown. */
function useIndicatorFigure() {
  const { i18n } = useTranslation();
  const { data: indicators } = useIndicators();
  return {
    indicator: (key: string): Indicator | undefined => indicators?.find((i) => i.key === key),
    name: (key: string) => {
      const ind = indicators?.find((i) => i.key === key);
      return ind ? (i18n.language.startsWith('zh') ? ind.nameZh : ind.nameEn) : key;
    },
    value: (key: string, value: number) => {
      const ind = indicators?.find((i) => i.key === key);
      const shown = ind
        ? formatFigure(ind, { value }, i18n.language)
        : null;
      return shown ?? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);
    },
  };
}

/**
 * 预警依据: why the warning was raised, in words, then the figures themselves — the indicator
 * against its threshold; the week-on-week rise with its p-value; the customers of a batch; the hot
 * word against its baseline; the group-complaint ticket.
 */
export function WarningEvidenceCard({ warning }: { warning: WarningDetail }) {
  const { t, i18n } = useTranslation();
  const words = useEvidenceWords(warning.evidence, warning.level);
  return (
    <Card
      title={t('warning.evidence')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="warning-evidence"
    >
      <div
        className="qloop-warning-evidence"
        style={words.figures.length ? undefined : { marginBottom: 0 }}
        data-testid="warning-evidence-text"
      >
        {words.sentence}
      </div>
      {words.figures.length > 0 && (
        <Descriptions
          column={2}
          size="small"
          styles={{ label: { width: i18n.language === 'en-US' ? 140 : 112 } }}
          items={words.figures.map(([label, value], i) => ({ key: i, label, children: value }))}
        />
      )}
    </Card>
  );
}

function useEvidenceWords(
  ev: Evidence,
  level: WarningDetail['level'],
): { sentence: ReactNode; figures: [string, ReactNode][] } {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const fig = useIndicatorFigure();
  const categories = useCategoryTree();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const tabular = (v: ReactNode) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>;

  switch (ev.kind) {
    case 'threshold': {
      const value = fig.value(ev.indicatorKey, ev.value);
      const threshold = fig.value(ev.indicatorKey, ev.threshold);
      const figures: [string, ReactNode][] = [
        [t('warning.figIndicator'), fig.name(ev.indicatorKey)],
        [t('warning.figPeriod'), tabular(`${when(ev.from)} ~ ${when(ev.to)}`)],
        [
          t('warning.figValue'),
          tabular(
            <Typography.Text strong type="danger">
              {value}
            </Typography.Text>,
          ),
        ],
        [
          t('warning.figThreshold'),
          tabular(t('warning.withNote', { value: threshold, note: t(`warningLevel.${level}`) })),
        ],
      ];
      if (ev.numerator !== null)
        figures.push([
          t('warning.figParts'),
          tabular(ev.denominator === null ? n(ev.numerator) : `${n(ev.numerator)} / ${n(ev.denominator)}`),
        ]);
      return {
        sentence: t('warning.evThreshold', {
          indicator: fig.name(ev.indicatorKey),
          from: when(ev.from),
          to: when(ev.to),
          value,
          threshold,
          level: t(`warningLevel.${level}`),
        }),
        figures,
      };
    }
    case 'rise': {
      const rise = ev.risePct === null ? t('warning.riseFromZero') : `+${formatPct(ev.risePct, locale, 0)}`;
      return {
        sentence: t('warning.evRise', {
          indicator: fig.name(ev.indicatorKey),
          from: when(ev.from),
          to: when(ev.to),
          current: n(ev.current),
          previousFrom: when(ev.previousFrom),
          previousTo: when(ev.previousTo),
          previous: n(ev.previous),
          rise,
          p: formatPValue(ev.pValue),
        }),
        figures: [
          [t('warning.figIndicator'), fig.name(ev.indicatorKey)],
          [
            t('warning.figRise'),
            tabular(
              <Typography.Text strong type="danger">
                {rise}
              </Typography.Text>,
            ),
          ],
          [
            t('warning.figCurrent'),
            tabular(
              t('warning.withNote', { value: n(ev.current), note: `${when(ev.from)} ~ ${when(ev.to)}` }),
            ),
          ],
          [
            t('warning.figPrevious'),
            tabular(
              t('warning.withNote', {
                value: n(ev.previous),
                note: `${when(ev.previousFrom)} ~ ${when(ev.previousTo)}`,
              }),
            ),
          ],
          [t('warning.figPValue'), tabular(formatPValue(ev.pValue))],
        ],
      };
    }
    case 'batch': {
      const category = categories.name(ev.categoryId) ?? ev.categoryName;
      return {
        sentence: t('warning.evBatch', {
          customers: n(ev.customers),
          category,
          minutes: n(ev.windowMinutes),
          start: when(ev.windowStart),
          end: when(ev.windowEnd),
        }),
        figures: [
          [t('warning.figCategory'), categories.path(ev.categoryId) ?? category],
          [
            t('warning.figCustomers'),
            tabular(
              <Typography.Text strong type="danger">
                {n(ev.customers)}
              </Typography.Text>,
            ),
          ],
          [t('warning.figWindow'), tabular(t('warning.minutes', { n: n(ev.windowMinutes) }))],
          [t('warning.figSpan'), tabular(`${when(ev.windowStart)} ~ ${when(ev.windowEnd)}`)],
        ],
      };
    }
    case 'hot_topic': {
      const share = formatPct(sharePct(ev.docs, ev.windowDocs), locale);
      const baseShare = formatPct(sharePct(ev.baselineDocs, ev.baselineTotal), locale);
      return {
        sentence: t('warning.evHotTopic', {
          term: ev.term,
          from: when(ev.from),
          to: when(ev.to),
          docs: n(ev.docs),
          windowDocs: n(ev.windowDocs),
          share,
          baselineDocs: n(ev.baselineDocs),
          baselineTotal: n(ev.baselineTotal),
          baseShare,
          lift: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ev.lift),
        }),
        figures: [
          [t('warning.figTerm'), <Typography.Text strong>“{ev.term}”</Typography.Text>],
          [
            t('warning.figLift'),
            tabular(
              <Typography.Text strong type="danger">
                {formatLift(ev.lift, locale)}
              </Typography.Text>,
            ),
          ],
          [
            t('warning.figWindowDocs'),
            tabular(
              t('warning.withNote', {
                value: `${n(ev.docs)} / ${n(ev.windowDocs)} = ${share}`,
                note: `${when(ev.from)} ~ ${when(ev.to)}`,
              }),
            ),
          ],
          [
            t('warning.figBaseline'),
            tabular(`${n(ev.baselineDocs)} / ${n(ev.baselineTotal)} = ${baseShare}`),
          ],
        ],
      };
    }
    case 'group_complaint': {
      const link = (
        <Link
          to={`/tickets/${ev.ticketId}`}
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid="warning-evidence-ticket"
        >
          {ev.ticketNo}
        </Link>
      );
      return {
        sentence: (
          <>
            {t('warning.evGroupComplaint')} {link}
          </>
        ),
        figures: [],
      };
    }
  }
}
