import { Form, Typography } from 'antd';
import { CLOCK_KINDS, SLA_LIMITS } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { DurationInput } from '../../components/duration-input';

/** The four targets, each in hours and minutes of the policy's calendar, or "none". */
export function TargetFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('sla.targetsHint')}
      </Typography.Paragraph>
      {CLOCK_KINDS.map((kind) => (
        <Form.Item
          key={kind}
          name={['targets', kind]}
          label={t(`sla.clock_${kind}`)}
          extra={t(`sla.clockHint_${kind}`)}
          layout="horizontal"
          colon={false}
          labelCol={{ flex: '120px' }}
          style={{ marginBottom: 12 }}
        >
          <DurationInput allowNone max={SLA_LIMITS.targetMinutesMax} disabled={disabled} testId={`target-${kind}`} />
        </Form.Item>
      ))}
    </>
  );
}
