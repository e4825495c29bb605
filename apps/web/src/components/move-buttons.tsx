import { Button, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The ids with the one at `index` moved one place up (-1) or down (1): the new complete order. */
export function movedOrder(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...ids];
  const [moved] = next.splice(index, 1);
  next.splice(index + by, 0, moved!);
  return next;
}

/** A row's up/down buttons in an ordered list where the order decides (rules, SLA policies, survey questions). */
export function MoveButtons({
  index,
  count,
  busy,
  onMove,
  testIdPrefix,
  buttonType = 'link',
}: {
  index: number;
  count: number;
  /** a reorder is being saved: no second one meanwhile */
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  testIdPrefix: string;
  /** 'text' in a card's header (survey questions), 'link' in a table row */
  buttonType?: 'link' | 'text';
}) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip title={t('assignment.moveUp')}>
        <Button
          type={buttonType}
          size="small"
          aria-label={t('assignment.moveUp')}
          icon={<ArrowUpOutlined />}
          disabled={index === 0 || busy}
          onClick={() => onMove(-1)}
          data-testid={`${testIdPrefix}-up`}
        />
      </Tooltip>
      <Tooltip title={t('assignment.moveDown')}>
        <Button
          type={buttonType}
          size="small"
          aria-label={t('assignment.moveDown')}
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1 || busy}
          onClick={() => onMove(1)}
          data-testid={`${testIdPrefix}-down`}
        />
      </Tooltip>
    </>
  );
}
