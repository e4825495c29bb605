import { Card, Flex, Skeleton, Typography } from 'antd';
import { AlertOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { WARNING_LEVELS, type WarningLevel } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useWarningCounts } from '../../api/warnings';
import { warningsLink, type WarningView } from './warning-list-state';
import { LEVEL_HEX } from './warning-tags';

type Pick_ = { level?: WarningLevel; planOverdue?: true };

/**
 * Open warnings by level and how many plans are late, for an org subtree (GET /warnings/counts).
 * Each figure filters the warning list: in place on the list (`onPick`), else as a link to it.
 * `active` marks the figure the list is filtered by.
 */
export function WarningCountsStrip({
  orgUnit,
  onPick,
  active,
  title,
  extra,
}: {
  /** undefined = the caller's whole scope */
  orgUnit: string | undefined;
  onPick?: (p: Partial<WarningView>) => void;
  active?: Pick_;
  title?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { data, isLoading } = useWarningCounts(orgUnit);

  const item = (
    key: string,
    pick: Pick_,
    label: string,
    value: number | undefined,
    color: string,
    icon: ReactNode,
  ) => {
    const selected =
      (pick.level && active?.level === pick.level) || (pick.planOverdue && active?.planOverdue);
    const body = (
      <Flex
        align="center"
        gap={10}
        className="qloop-warning-count"
        style={{ borderColor: selected ? color : undefined, background: selected ? `${color}14` : undefined }}
        data-testid={`warning-count-${key}`}
      >
        <span style={{ color, fontSize: 18, lineHeight: 1 }}>{icon}</span>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', whiteSpace: 'nowrap' }}>
            {label}
          </Typography.Text>
          {isLoading ? (
            <Skeleton.Button active size="small" style={{ width: 32, height: 22 }} />
          ) : (
            <Typography.Text
              strong
              style={{
                fontSize: 22,
                lineHeight: '26px',
                color: value ? color : undefined,
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {value ?? '—'}
            </Typography.Text>
          )}
        </div>
      </Flex>
    );
    // a figure filters by its level (or late plans) among open warnings; picked again, it lets go
    const filter: Partial<WarningView> = pick.level
      ? { level: pick.level, open: true, state: undefined }
      : { planOverdue: true, open: true, state: undefined };
    const unpick: Partial<WarningView> = pick.level ? { level: undefined } : { planOverdue: undefined };
    if (onPick) {
      return (
        <a
          key={key}
          role="button"
          onClick={() => onPick(selected ? unpick : filter)}
          style={{ color: 'inherit' }}
        >
          {body}
        </a>
      );
    }
    return (
      <Link
        key={key}
        to={warningsLink({ level: pick.level, planOverdue: pick.planOverdue, orgUnit })}
        style={{ color: 'inherit' }}
      >
        {body}
      </Link>
    );
  };

  return (
    <Card size="small" styles={{ body: { padding: '10px 16px' } }} data-testid="warning-counts">
      <Flex align="center" gap={16} wrap>
        {title && (
          <Typography.Text strong style={{ marginInlineEnd: 4 }}>
            {title}
          </Typography.Text>
        )}
        {WARNING_LEVELS.slice()
          .reverse()
          .map((l) =>
            item(l, { level: l }, t(`warningLevel.${l}`), data?.[l], LEVEL_HEX[l], <AlertOutlined />),
          )}
        {item(
          'planOverdue',
          { planOverdue: true },
          t('warning.planOverdue'),
          data?.planOverdue,
          '#cf1322',
          <FieldTimeOutlined />,
        )}
        {extra && <div style={{ marginInlineStart: 'auto' }}>{extra}</div>}
      </Flex>
    </Card>
  );
}
