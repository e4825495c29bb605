import { Checkbox, Flex, InputNumber } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { splitMinutes } from './duration';

/**
 * A duration in minutes entered as hours plus minutes, so "48 小时" is typed as 48 and not as 2880.
 * With `allowNone`, a "none" box stands for null (no such target). Fits a Form.Item (value/onChange).
 */
export function DurationInput({
  value,
  onChange,
  allowNone,
  max,
  disabled,
  id,
  testId,
}: {
  value?: number | null;
  onChange?: (minutes: number | null) => void;
  allowNone?: boolean;
  /** the largest total in minutes */
  max?: number;
  disabled?: boolean;
  id?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const none = value === null || value === undefined;
  const { h, m } = splitMinutes(value ?? 0);
  // unticking "none" brings back what was there before it was ticked (an hour when nothing was)
  const lastSet = useRef(value ? value : 60);
  const emit = (hours: number | null, minutes: number | null) => {
    const total = Math.min((hours ?? 0) * 60 + (minutes ?? 0), max ?? Infinity);
    if (total > 0) lastSet.current = total;
    onChange?.(total);
  };
  return (
    <Flex gap={8} align="center" data-testid={testId}>
      <InputNumber
        id={id}
        min={0}
        max={max === undefined ? undefined : Math.floor(max / 60)}
        precision={0}
        value={none ? null : h}
        onChange={(x) => emit(x, none ? 0 : m)}
        suffix={t('sla.hours')}
        disabled={disabled || (allowNone && none)}
        style={{ width: 120 }}
        data-testid={testId && `${testId}-hours`}
      />
      <InputNumber
        min={0}
        max={59}
        precision={0}
        value={none ? null : m}
        onChange={(x) => emit(none ? 0 : h, x)}
        suffix={t('sla.minutes')}
        disabled={disabled || (allowNone && none)}
        style={{ width: 104 }}
        data-testid={testId && `${testId}-minutes`}
      />
      {allowNone && (
        <Checkbox checked={none} disabled={disabled} onChange={(e) => onChange?.(e.target.checked ? null : lastSet.current)} data-testid={testId && `${testId}-none`}>
          {t('sla.noTarget')}
        </Checkbox>
      )}
    </Flex>
  );
}
