import { Flex, Result, Spin, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { MeContext, useSession } from '../../api/session';

/** Renders the signed-in routes, or sends the visitor to /login remembering where they were going. */
export function RequireAuth() {
  const { data, isPending, isError, refetch } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (isError) {
    return (
      <Result
        status="warning"
        title={t('errors.network')}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <MeContext value={data.user}>
      <Outlet />
    </MeContext>
  );
}
