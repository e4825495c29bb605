import { Button, Card, Flex, Result, Spin, Steps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TicketImport } from '@qloop/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useForgetTicketLists, useTicketImport } from '../../api/ticket-import';
import { PageHeader } from '../../components/page-header';
import { MappingStep } from './mapping-step';
import { ProgressStep, ReportStep } from './report-step';
import { UploadStep } from './upload-step';

/** Which step an import is at: the server's status decides, so a reload lands on the same step. */
function stepOf(job: TicketImport | undefined): number {
  if (!job) return 0;
  return { uploaded: 1, running: 2, done: 3, failed: 3 }[job.status];
}

/**
 * 导入工单: upload a CSV/XLSX, map its columns to ticket fields, validate or import (in the
 * background, polled), then the per-row report. The import's id lives in the address (?id=), so a
 * reload or a second tab follows the same import.
 */
export default function TicketImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;
  const { data: job, error, isLoading, refetch } = useTicketImport(id);
  const forgetLists = useForgetTicketLists();
  const step = stepOf(id ? job : undefined);
  const importedNow = job?.status === 'done' || job?.status === 'failed' ? job.importedRows : 0;

  // tickets were created: the work lists must not show their cached pages
  useEffect(() => {
    if (importedNow > 0) void forgetLists();
  }, [importedNow, forgetLists]);

  const restart = () => setParams({});

  let body;
  if (id && isLoading) {
    body = (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  } else if (id && !job) {
    // a failed poll keeps the last answer on screen; only an import that never loaded is an error
    body = (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={t('ticketImport.loadFailed')}
        subTitle={error instanceof Error ? error.message : undefined}
        extra={[
          <Button key="retry" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>,
          <Button key="restart" type="primary" onClick={restart}>
            {t('ticketImport.restart')}
          </Button>,
        ]}
      />
    );
  } else if (!job) {
    body = <UploadStep onUploaded={(j) => setParams({ id: j.id })} />;
  } else if (job.status === 'uploaded') {
    body = <MappingStep key={job.id} job={job} onRestart={restart} />;
  } else if (job.status === 'running') {
    body = <ProgressStep job={job} />;
  } else {
    body = <ReportStep job={job} onRestart={restart} />;
  }

  return (
    <>
      <Link to="/tickets" className="qloop-back-link">
        <ArrowLeftOutlined /> {t('ticket.back')}
      </Link>
      <div style={{ marginTop: 8 }}>
        <PageHeader title={t('ticketImport.title')} subtitle={t('ticketImport.subtitle')} />
      </div>
      <Card>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          data-testid="import-steps"
          items={[
            { title: t('ticketImport.stepUpload') },
            { title: t('ticketImport.stepMapping') },
            { title: t('ticketImport.stepProgress') },
            {
              title: t('ticketImport.stepReport'),
              status: job?.status === 'failed' ? 'error' : step === 3 ? 'finish' : undefined,
            },
          ]}
        />
        {body}
      </Card>
    </>
  );
}
