import { Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Indicator } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useIndicatorValue, type Figure } from '../../api/indicators';
import { LEVEL_COLOURS, LEVEL_TAGS } from '../../components/indicator-level';
import { figureParts, formatParts, meetsTarget, targetOf, unitOf } from './figure';

/**
 * One indicator: its value with numerator / denominator, the target and whether it is met, the
 * direction that is better, coloured by the level the server gives it against the org unit's own
 * thresholds (green / yellow / orange / red; no colour without thresholds). Clicking it opens the
 * drill-down (by org unit, then the tickets).
 */
export function IndicatorTile({ ind, figure, onOpen }: { ind: Indicator; figure: Figure; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const survey = ind.formula.kind === 'survey';
  const { data, isLoading } = useIndicatorValue(ind.key, figure, !survey);
  const shown = figureParts(ind, data, i18n.language);
  const target = targetOf(ind, data);
  const met = meetsTarget({ target, direction: ind.direction }, data?.value ?? null);
  const level = data?.level ?? null;
  const name = i18n.language.startsWith('zh') ? ind.nameZh : ind.nameEn;
  return (
    <Card
      size="small"
      hoverable={!survey}
      onClick={survey ? undefined : onOpen}
      data-testid={`tile-${ind.key}`}
      data-level={level ?? undefined}
      className="qloop-tile"
      style={level ? { borderInlineStart: `4px solid ${LEVEL_COLOURS[level]}` } : undefined}
      styles={{ body: { padding: '12px 16px' } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Tooltip title={ind.description}>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
            {name}
          </Typography.Text>
        </Tooltip>
        <Tooltip title={t(ind.direction === 'higher_better' ? 'dashboard.higherBetter' : 'dashboard.lowerBetter')}>
          {ind.direction === 'higher_better' ? <ArrowUpOutlined style={{ color: '#8c8c8c' }} /> : <ArrowDownOutlined style={{ color: '#8c8c8c' }} />}
        </Tooltip>
      </Flex>
      {isLoading && !survey ? (
        <Skeleton active paragraph={false} title={{ width: '60%' }} style={{ marginTop: 8 }} />
      ) : (
        <div style={{ marginTop: 4 }}>
          <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="tile-value">
            {shown ? (
              <>
                {shown.n}
                <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: shown.unit === '%' ? 1 : 4 }}>{shown.unit}</span>
              </>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 16 }}>{survey ? t('dashboard.surveyPending') : t('dashboard.noData')}</Typography.Text>
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
        </div>
      )}
    </Card>
  );
}
