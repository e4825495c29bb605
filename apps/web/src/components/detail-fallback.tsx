import { Button, Card, Result, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';

/**
 * What a detail page (a survey, a warning…) shows while it has no record: a skeleton while
 * loading; "not found" for an unknown or malformed id (or one outside the reader's scope, which
 * the server reports the same way); otherwise a load failure with a retry. Always a way back.
 */
export function DetailFallback({
  loading,
  error,
  notFoundTitle,
  backLabel,
  backTo,
  refetch,
}: {
  loading: boolean;
  error: unknown;
  notFoundTitle: string;
  backLabel: string;
  backTo: string;
  refetch: () => unknown;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (loading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const missing = error instanceof ApiError && (error.status === 404 || error.code === 'VALIDATION_FAILED');
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? notFoundTitle : t('common.loadFailed')}
      extra={
        <Space>
          <Button onClick={() => navigate(backTo)}>{backLabel}</Button>
          {!missing && (
            <Button type="primary" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
