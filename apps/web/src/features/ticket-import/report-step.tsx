import { Alert, Button, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { FileTextOutlined, ProfileOutlined, UploadOutlined } from '@ant-design/icons';
import type { TicketImport } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useForgetTicketLists } from '../../api/ticket-import';
import { formatDateTime } from '../../components/format';
import { ErrorTable } from './error-table';

/** Step 3: the import runs in the background; the page polls it and shows how far it got. */
export function ProgressStep({ job }: { job: TicketImport }) {
  const { t } = useTranslation();
  const percent = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '40px 0' }} data-testid="import-progress">
      <Progress type="circle" percent={percent} status="active" />
      <Typography.Text>
        {t('ticketImport.processed', {
          processed: job.processedRows,
          total: job.totalRows,
          imported: job.importedRows,
        })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('ticketImport.processingHint')}</Typography.Text>
    </Flex>
  );
}

/** The outcome in one sentence: everything in, some rows left out, nothing in, or stopped. */
function Summary({ job }: { job: TicketImport }) {
  const { t } = useTranslation();
  if (job.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('ticketImport.failedTitle', { imported: job.importedRows })}
        // the server's own words: why it stopped
        description={job.message}
        data-testid="import-summary"
      />
    );
  }
  if (job.failedRows === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('ticketImport.doneOk', { imported: job.importedRows })}
        data-testid="import-summary"
      />
    );
  }
  if (job.importedRows === 0 && job.mode === 'all_or_nothing') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('ticketImport.doneNothing', { failed: job.failedRows })}
        data-testid="import-summary"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('ticketImport.donePartial', { imported: job.importedRows, failed: job.failedRows })}
      data-testid="import-summary"
    />
  );
}

/** Step 4: counts, the way on to the work list, and the per-row report of what was not imported. */
export function ReportStep({ job, onRestart }: { job: TicketImport; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forgetLists = useForgetTicketLists();

  return (
    <Flex vertical gap={20} data-testid="import-report">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          <FileTextOutlined /> {job.filename}
          {job.finishedAt && ` · ${t('ticketImport.finishedAt', { at: formatDateTime(job.finishedAt) })}`}
        </Typography.Text>
        <Summary job={job} />
      </Flex>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title={t('ticketImport.total')} value={job.totalRows} data-testid="import-count-total" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ticketImport.imported')}
            value={job.importedRows}
            styles={{ content: { color: job.importedRows ? '#389e0d' : undefined } }}
            data-testid="import-count-imported"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ticketImport.failed')}
            value={job.failedRows}
            styles={{ content: { color: job.failedRows ? '#cf1322' : undefined } }}
            data-testid="import-count-failed"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ticketImport.mode')}
            value={
              job.mode
                ? t(
                    job.mode === 'valid_rows'
                      ? 'ticketImport.modeValidRows'
                      : 'ticketImport.modeAllOrNothing',
                  )
                : '—'
            }
            styles={{ content: { fontSize: 18, lineHeight: '38px' } }}
          />
        </Col>
      </Row>
      <Flex gap={8} wrap>
        {job.importedRows > 0 && (
          <Button
            type="primary"
            icon={<ProfileOutlined />}
            onClick={() => {
              void forgetLists();
              // imported tickets name the importer as 首问负责人: 我受理的 lists them
              navigate('/tickets?view=accepted');
            }}
            data-testid="import-view-tickets"
          >
            {t('ticketImport.viewTickets')}
          </Button>
        )}
        <Button icon={<UploadOutlined />} onClick={onRestart} data-testid="import-again">
          {t('ticketImport.again')}
        </Button>
      </Flex>
      {job.errors.length > 0 && <ErrorTable job={job} />}
    </Flex>
  );
}
