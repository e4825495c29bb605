import { Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, FilterOutlined } from '@ant-design/icons';
import type { Indicator } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useIndicatorValue, type Figure } from '../../api/indicators';
import { LEVEL_COLOURS, LEVEL_TAGS } from '../../components/indicator-level';
import { figureParts, formatParts, indicatorName, meetsTarget, targetOf, unitOf } from './figure';
import { TileComparisons } from './tile-comparisons';
import { useWallMode } from './wall-mode';

/**
 * One indicator: its value with numerator / denominator, the target and whether it is met, the
 * direction that is better, coloured by the level the server gives it against the org unit's own
 * thresholds (green / yellow / orange / red; no colour without thresholds). Clicking it opens the
 * drill-down (by org unit, then the tickets). Under the figure its change 环比 and 同比; with the
 * dashboard's filters on (`filtered`), a figure they cannot narrow (an external one) says so.
 */
export function IndicatorTile({ ind, figure, filtered, onOpen }: { ind: Indicator; figure: Figure; filtered: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const { wall, refetchInterval } = useWallMode();
  const { data, isLoading } = useIndicatorValue(ind.key, { ...figure, compare: true }, true, { refetchInterval });
  const shown = figureParts(ind, data, i18n.language);
  const target = targetOf(ind, data);
  const met = meetsTarget({ target, direction: ind.direction }, data?.value ?? null);
  const level = data?.level ?? null;
  const name = indicatorName(ind, i18n.language);
  const unsliced = filtered && data?.sliced === false;
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`tile-${ind.key}`}
      data-level={level ?? undefined}
      className="qloop-tile"
      style={{ height: '100%', ...(level ? { borderInlineStart: `4px solid ${LEVEL_COLOURS[level]}` } : {}) }}
      styles={{ body: { padding: '12px 16px' } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Tooltip title={ind.description}>
          <Typography.Text type="secondary" ellipsis style={{ flex: '1 1 auto', minWidth: 0, fontSize: wall ? 18 : undefined }}>
            {name}
          </Typography.Text>
        </Tooltip>
        {unsliced && (
          <Tooltip title={t('dashboard.notSlicedHint')}>
            <Tag bordered={false} icon={<FilterOutlined />} style={{ marginInlineEnd: 0, fontSize: 11, flex: 'none' }} data-testid="tile-not-sliced">
              {t('dashboard.notSliced')}
            </Tag>
          </Tooltip>
        )}
        <Tooltip title={t(ind.direction === 'higher_better' ? 'dashboard.higherBetter' : 'dashboard.lowerBetter')}>
          {ind.direction === 'higher_better' ? <ArrowUpOutlined style={{ color: '#8c8c8c' }} /> : <ArrowDownOutlined style={{ color: '#8c8c8c' }} />}
        </Tooltip>
      </Flex>
      {isLoading ? (
        <Skeleton active paragraph={false} title={{ width: '60%' }} style={{ marginTop: 8 }} />
      ) : (
        <div style={{ marginTop: 4 }}>
          <Typography.Text
            strong
            // one line: a long unit (per 10,000 customers) is cut, not wrapped under the number
            style={{ display: 'block', fontSize: wall ? 40 : 24, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            data-testid="tile-value"
          >
            {shown ? (
              <>
                {shown.n}
                <span title={shown.unit} style={{ fontSize: wall ? 18 : 14, fontWeight: 400, marginInlineStart: shown.unit === '%' ? 1 : 4 }}>{shown.unit}</span>
              </>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 16 }}>{t('dashboard.noData')}</Typography.Text>
            )}
          </Typography.Text>
          <Flex justify="space-between" align="center" style={{ marginTop: 2, minHeight: 22 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }} data-testid="tile-parts">
              {formatParts(data, i18n.language) ?? ''}
            </Typography.Text>
            {target !== null && (
              <Tooltip title={level ? t(`indicatorLib.level_${level}`) : undefined}>
                <Tag color={level ? LEVEL_TAGS[level] : met === null ? 'default' : met ? 'green' : 'red'} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="tile-target">
                  {t('dashboard.target', { target: ind.unit === '%' ? `${target}%` : `${target} ${unitOf(ind, i18n.language)}` })}
                </Tag>
              </Tooltip>
            )}
          </Flex>
          <TileComparisons ind={ind} data={data} />
        </div>
      )}
    </Card>
  );
}
