import { Button, Flex, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { TicketImport } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { downloadCsv, errorReportName } from './import-files';
import { fieldLabel, rowErrorText } from './row-error-text';

/**
 * The per-row report of a validation or an import: row number as in the spreadsheet, field and
 * message in the user's language, paged, and downloadable as CSV (built here from the same rows).
 */
export function ErrorTable({ job }: { job: TicketImport }) {
  const { t } = useTranslation();
  const rows = job.errors.map((e, i) => ({
    key: i,
    row: e.row,
    field: fieldLabel(t, e.field),
    message: rowErrorText(t, e),
  }));
  // the server keeps only the first IMPORT_LIMITS.keptErrors errors; say so when it cut the list
  const truncated = job.errorCount > job.errors.length;

  const download = () =>
    downloadCsv(errorReportName(job.filename), [
      [t('ticketImport.row'), t('ticketImport.errorField'), t('ticketImport.message')],
      ...rows.map((r) => [r.row, r.field, r.message]),
    ]);

  return (
    <div data-testid="import-errors">
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('ticketImport.errorsTitle')}</Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={download}
          data-testid="import-download-errors"
        >
          {t('ticketImport.downloadErrors')}
        </Button>
      </Flex>
      {truncated && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('ticketImport.errorsTruncated', { shown: job.errors.length, failed: job.failedRows })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        bordered
        dataSource={rows}
        pagination={
          rows.length > 10
            ? {
                pageSize: 10,
                size: 'small',
                showSizeChanger: false,
                showTotal: (n) => t('common.total', { total: n }),
              }
            : false
        }
        columns={[
          { title: t('ticketImport.row'), dataIndex: 'row', width: 80, align: 'right' },
          { title: t('ticketImport.errorField'), dataIndex: 'field', width: 140 },
          { title: t('ticketImport.message'), dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
