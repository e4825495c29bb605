import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Warning, WarningLevel, WarningState } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { useOrgUnitNameOf } from '../../components/org-unit-name';

/** 黄 gold / 橙 orange / 红 red, as the industry documents grade them. */
export const LEVEL_COLOR: Record<WarningLevel, string> = { yellow: 'gold', orange: 'orange', red: 'red' };
/** The same colours as solid figures (counts, dots). */
export const LEVEL_HEX: Record<WarningLevel, string> = {
  yellow: '#d4b106',
  orange: '#fa8c16',
  red: '#f5222d',
};

const STATE_COLOR: Record<WarningState, string> = {
  raised: 'error',
  acknowledged: 'processing',
  plan_submitted: 'purple',
  verified: 'success',
  closed: 'default',
};

/** 黄色预警 / 橙色预警 / 红色预警 as a coloured tag. */
export function LevelTag({ level, testId }: { level: WarningLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEVEL_COLOR[level]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`warningLevel.${level}`)}
    </Tag>
  );
}

export function WarningStateTag({ state, testId }: { state: WarningState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`warningState.${state}`)}
    </Tag>
  );
}

/** The warning's title in the reader's language. */
export function useWarningTitle() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (w: Pick<Warning, 'title' | 'titleEn'>) => (en && w.titleEn ? w.titleEn : w.title);
}

/** The owner: the org unit in the reader's language, and the department when one owns it. */
export function useOwnerName() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const unitNameOf = useOrgUnitNameOf();
  return (w: Pick<Warning, 'orgUnitId' | 'orgUnitName' | 'orgUnitNameEn' | 'ownerDepartmentName'>) => {
    const unit = unitNameOf(w.orgUnitId) ?? (en && w.orgUnitNameEn ? w.orgUnitNameEn : w.orgUnitName);
    return w.ownerDepartmentName ? `${unit} · ${w.ownerDepartmentName}` : unit;
  };
}

/**
 * The plan deadline; while no plan is in and it has passed, a red 逾期 mark and how far the warning
 * was escalated (told the level above; then executives).
 */
export function PlanDue({
  warning,
  compact = false,
}: {
  warning: Pick<Warning, 'planDueAt' | 'planOverdue' | 'escalationLevel' | 'state'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const done =
    warning.state === 'plan_submitted' || warning.state === 'verified' || warning.state === 'closed';
  return (
    <Space size={4} wrap style={compact ? { rowGap: 2 } : undefined}>
      <Typography.Text
        type={done ? 'secondary' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {formatDateTime(warning.planDueAt)}
      </Typography.Text>
      {warning.planOverdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="warning-overdue">
          {t('warning.overdue')}
        </Tag>
      )}
      {warning.escalationLevel > 0 && (
        <Tooltip title={t(warning.escalationLevel >= 2 ? 'warning.escalated_2' : 'warning.escalated_1')}>
          <Tag color="volcano" bordered={false} style={{ marginInlineEnd: 0 }}>
            {t('warning.escalationShort', { level: warning.escalationLevel })}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** "×3" for a condition found three times while the warning was open (merged repeats). */
export function Occurrences({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 1) return null;
  return (
    <Tooltip title={t('warning.occurrencesHint', { count })}>
      <Tag
        bordered={false}
        style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
        data-testid="warning-occurrences"
      >
        ×{count}
      </Tag>
    </Tooltip>
  );
}
