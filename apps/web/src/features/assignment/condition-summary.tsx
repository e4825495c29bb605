import { Flex, Typography } from 'antd';
import type { SlaConditions } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useConditionLines } from './rule-labels';

/** A list cell with one line per condition, or "any" when there is none. */
export function ConditionSummary({ conditions }: { conditions: SlaConditions }) {
  const { t } = useTranslation();
  const lines = useConditionLines()(conditions);
  if (!lines.length) return <Typography.Text type="secondary">{t('assignment.matchesAll')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {lines.map((l) => (
        <Typography.Text key={l.key} ellipsis={{ tooltip: l.text }} style={{ maxWidth: 360 }}>
          <Typography.Text type="secondary">{l.prefix}</Typography.Text>
          {l.values}
        </Typography.Text>
      ))}
    </Flex>
  );
}
