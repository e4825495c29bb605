import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a list's table shows without rows: blank space while the first page loads (no flash of
 * "nothing here"), a load failure, or the list's own empty text with a hint — and, when filters
 * hide everything, a button that clears them.
 */
export function listEmptyText({
  loading,
  error,
  text,
  hint,
  onClear,
}: {
  loading: boolean;
  error: unknown;
  text: string;
  /** shown under the text when the list is really empty (not failed) */
  hint?: ReactNode;
  /** set when filters are applied: offers to clear them */
  onClear?: (() => void) | false;
}): ReactNode {
  return loading ? <div style={{ height: 160 }} /> : <ListEmpty error={error} text={text} hint={hint} onClear={onClear} />;
}

function ListEmpty({ error, text, hint, onClear }: { error: unknown; text: string; hint?: ReactNode; onClear?: (() => void) | false }) {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      style={{ padding: '24px 0' }}
      description={
        <>
          <div>{error ? t('common.loadFailed') : text}</div>
          {!error && hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hint}
            </Typography.Text>
          )}
        </>
      }
    >
      {onClear && <Button onClick={onClear}>{t('ticket.clearFilters')}</Button>}
    </Empty>
  );
}
