import { Space, Tag, Typography } from 'antd';
import type { Indicator, IndicatorThresholds } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { LEVEL_TAGS } from '../../components/indicator-level';
import { withUnit } from './formula-text';

/** The yellow / orange / red lines as coloured tags; a dash for a level not set. */
export function ThresholdsTags({
  thresholds,
  ind,
}: {
  thresholds: IndicatorThresholds;
  ind: Pick<Indicator, 'unit' | 'unitEn'>;
}) {
  const { t, i18n } = useTranslation();
  if (thresholds.yellow === null && thresholds.orange === null && thresholds.red === null) {
    return <Typography.Text type="secondary">{t('indicatorLib.noThresholds')}</Typography.Text>;
  }
  return (
    <Space size={2} wrap>
      {(['yellow', 'orange', 'red'] as const).map((level) => (
        <Tag
          key={level}
          color={thresholds[level] === null ? 'default' : LEVEL_TAGS[level]}
          bordered={false}
          style={{ marginInlineEnd: 0 }}
        >
          {withUnit(thresholds[level], ind, i18n.language)}
        </Tag>
      ))}
    </Space>
  );
}
