import { Button, Result, type ResultProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** A full-page answer with one way on: back to the dashboard. */
function BackHomeResult({ status, title, subTitle }: Pick<ResultProps, 'status' | 'title' | 'subTitle'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** What a route shows when the role lacks its permission (the server would refuse anyway). */
export function Forbidden() {
  const { t } = useTranslation();
  return <BackHomeResult status="403" title={t('common.forbiddenTitle')} subTitle={t('common.forbidden')} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <BackHomeResult status="404" title="404" subTitle={t('common.notFound')} />;
}
