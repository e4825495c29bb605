import { Alert, Button, Card, Col, Flex, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, FileTextOutlined } from '@ant-design/icons';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportMode,
  type TicketImport,
} from '@qloop/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRunTicketImport } from '../../api/ticket-import';
import { useApiError } from '../../api/use-api-error';
import { ErrorTable } from './error-table';
import { columnLetter } from './import-files';

const MODES: readonly ImportMode[] = ['valid_rows', 'all_or_nothing'];
/** Not required alone, but a row needs one of the two to find or create the customer. */
const ONE_OF = { phone: 'ticketImport.oneOfPhone', customerNo: 'ticketImport.oneOfCustomerNo' } as const;

/** The first non-empty value of a column in the sample rows, to show what the column holds. */
function sampleOf(job: TicketImport, col: number | undefined): string {
  if (col === undefined) return '';
  return job.sample.map((r) => r[col]?.trim() ?? '').find((v) => v !== '') ?? '';
}

/**
 * Step 2: one select per import field, prefilled with the server's suggestion; the import mode;
 * then a validation (dry run, its report shown here) or the import itself.
 */
export function MappingStep({ job, onRestart }: { job: TicketImport; onRestart: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const run = useRunTicketImport(job.id);
  const [mapping, setMapping] = useState<ImportMapping>(() => job.suggestedMapping);
  const [mode, setMode] = useState<ImportMode>('valid_rows');
  // the validation report belongs to the mapping it was made with
  const [checked, setChecked] = useState<TicketImport | null>(null);
  const [dryRunning, setDryRunning] = useState(false);
  const errorsRef = useRef<HTMLDivElement>(null);

  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined);
  const columnOptions = job.headers.map((h, i) => ({
    value: i,
    label: `${columnLetter(i)} · ${h.trim() || t('ticketImport.noHeader')}`,
  }));

  const setColumn = (field: ImportField, col: number | undefined) => {
    setMapping((m) => {
      const next = { ...m };
      if (col === undefined) delete next[field];
      else next[field] = col;
      return next;
    });
    setChecked(null);
  };

  const start = (dryRun: boolean) => {
    setDryRunning(dryRun);
    run.mutate(
      { mapping, mode, dryRun },
      {
        onSuccess: (r) => {
          if (dryRun) setChecked(r);
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={16}>
        <Table<{ field: ImportField }>
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
          data-testid="import-mapping"
          columns={[
            {
              title: t('ticketImport.field'),
              dataIndex: 'field',
              width: 200,
              render: (f: ImportField) => (
                <Flex align="center" gap={6} wrap>
                  <span>{t(`importField.${f}`)}</span>
                  {REQUIRED_IMPORT_FIELDS.includes(f) && (
                    <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                      {t('ticketImport.required')}
                    </Tag>
                  )}
                  {(f === 'phone' || f === 'customerNo') && (
                    <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
                      {t(ONE_OF[f])}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            {
              title: t('ticketImport.column'),
              dataIndex: 'field',
              key: 'column',
              width: 220,
              render: (f: ImportField) => (
                <Select<number>
                  size="small"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: '100%' }}
                  placeholder={t('ticketImport.notMapped')}
                  value={mapping[f]}
                  onChange={(col) => setColumn(f, col)}
                  options={columnOptions}
                  status={
                    REQUIRED_IMPORT_FIELDS.includes(f) && mapping[f] === undefined ? 'error' : undefined
                  }
                  popupMatchSelectWidth={false}
                  data-testid={`map-${f}`}
                />
              ),
            },
            {
              title: t('ticketImport.sample'),
              dataIndex: 'field',
              key: 'sample',
              ellipsis: true,
              render: (f: ImportField) => (
                <Typography.Text type="secondary">{sampleOf(job, mapping[f]) || '—'}</Typography.Text>
              ),
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small">
          <Flex vertical gap={16}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis={{ tooltip: job.filename }} style={{ display: 'block' }}>
                  <FileTextOutlined /> {job.filename}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="import-total">
                  {t('ticketImport.fileRows', { rows: job.totalRows, columns: job.headers.length })}
                </Typography.Text>
              </div>
              <Button
                size="small"
                type="link"
                onClick={onRestart}
                style={{ paddingInline: 0, flexShrink: 0 }}
              >
                {t('ticketImport.restart')}
              </Button>
            </Flex>
            <div>
              <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                {t('ticketImport.mode')}
              </Typography.Text>
              <Radio.Group
                value={mode}
                onChange={(e) => setMode(e.target.value as ImportMode)}
                style={{ width: '100%' }}
              >
                <Flex vertical gap={8}>
                  {MODES.map((m) => (
                    <Radio key={m} value={m} data-testid={`import-mode-${m}`}>
                      <div>
                        {t(
                          m === 'valid_rows' ? 'ticketImport.modeValidRows' : 'ticketImport.modeAllOrNothing',
                        )}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(
                          m === 'valid_rows'
                            ? 'ticketImport.modeValidRowsHint'
                            : 'ticketImport.modeAllOrNothingHint',
                        )}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </div>
            {missing.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={t('ticketImport.missingRequired', {
                  fields: missing.map((f) => t(`importField.${f}`)).join('、'),
                })}
              />
            )}
            <Space wrap>
              <Button
                icon={<CheckCircleOutlined />}
                onClick={() => start(true)}
                disabled={missing.length > 0 || (run.isPending && !dryRunning)}
                loading={run.isPending && dryRunning}
                data-testid="import-validate"
              >
                {t('ticketImport.validate')}
              </Button>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                onClick={() => start(false)}
                disabled={missing.length > 0 || (run.isPending && dryRunning)}
                loading={run.isPending && !dryRunning}
                data-testid="import-run"
              >
                {t('ticketImport.run')}
              </Button>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ticketImport.validateHint')}
            </Typography.Text>
            {checked && (
              <Alert
                type={checked.failedRows === 0 ? 'success' : 'warning'}
                showIcon
                data-testid="import-dry-run"
                title={
                  checked.failedRows === 0
                    ? t('ticketImport.dryRunOk', { rows: checked.totalRows })
                    : t('ticketImport.dryRunFailed', {
                        valid: checked.totalRows - checked.failedRows,
                        failed: checked.failedRows,
                      })
                }
                action={
                  checked.failedRows > 0 && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() =>
                        errorsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })
                      }
                    >
                      {t('ticketImport.showErrors')}
                    </Button>
                  )
                }
              />
            )}
          </Flex>
        </Card>
      </Col>
      {checked && checked.failedRows > 0 && (
        <Col span={24} ref={errorsRef}>
          <ErrorTable job={checked} />
        </Col>
      )}
    </Row>
  );
}
