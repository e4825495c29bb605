import { Alert, App, Button, Modal, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  LIMITS,
  type ExternalValueRowError,
  type ImportExternalValuesResult,
  type ImportMode,
} from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/use-api-error';
import { useImportExternalValues } from './api';

const TEMPLATE =
  'indicatorKey,orgUnitCode,period,value,numerator,denominator\nnetwork_coverage,JN-DZ-S01,2026-11,98.5,985,1000\n';

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'external-values-template.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * Import of external figures in two steps, like the customer base: the file is checked first
 * (dryRun) and the per-row report shown, each problem in the reader's language by its code; then
 * imported for real, all or nothing or only the good rows.
 */
export function ImportValuesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const importer = useImportExternalValues();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportExternalValuesResult | null>(null);

  const reset = () => {
    setFile(null);
    setProgress(null);
    setResult(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = (dryRun: boolean) => {
    if (!file) return;
    setProgress(0);
    importer.mutate(
      { file, dryRun, mode, onProgress: setProgress },
      {
        onSuccess: (r) => {
          setResult(r);
          if (!r.dryRun && r.imported > 0) {
            void message.success(
              r.failed
                ? t('indicatorLib.importPartly', { imported: r.imported, failed: r.failed })
                : t('indicatorLib.importDone', { imported: r.imported, rows: r.rows }),
            );
            if (!r.failed) close();
          }
        },
        onError: (e) => {
          setProgress(null);
          showError(e);
        },
      },
    );
  };
  const text = (e: ExternalValueRowError) => {
    const params = { value: '', row: '', expected: '', ...e.params } as Record<string, string | number>;
    if (e.code === 'wrong_grain' && typeof params.grain === 'string')
      params.grain = t(`indicatorLib.grain_${params.grain as 'month' | 'day'}`);
    // a missing column is reported on row 1 with the column's name
    return e.row === 1 ? e.message : t(`indicatorLib.err_${e.code}`, params);
  };
  const checked = result?.dryRun === true && result.rows > 0;
  const canImport =
    checked && (result.failed === 0 || (mode === 'valid_rows' && result.failed < result.rows));

  return (
    <Modal
      open={open}
      width={760}
      title={t('indicatorLib.importTitle')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('indicatorLib.template')}
          </Button>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            onClick={() => run(true)}
            disabled={!file}
            loading={importer.isPending && !canImport}
            data-testid="values-validate"
          >
            {t('indicatorLib.validate')}
          </Button>
          <Button
            type="primary"
            onClick={() => run(false)}
            disabled={!canImport}
            loading={importer.isPending && canImport}
            data-testid="values-confirm"
          >
            {t('indicatorLib.confirmImport')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('indicatorLib.importHelp')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t('indicatorLib.mode')}</Typography.Text>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as ImportMode)}
          options={(['all_or_nothing', 'valid_rows'] as const).map((m) => ({
            value: m,
            label: t(`indicatorLib.mode_${m}`),
          }))}
        />
      </Space>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(f) => {
          if (f.size > LIMITS.uploadBytesMax) return Upload.LIST_IGNORE;
          setFile(f);
          setResult(null);
          setProgress(null);
          return false; // checked first (dry run), sent by us
        }}
        onRemove={() => reset()}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('indicatorLib.dragHint')}</p>
      </Upload.Dragger>
      {progress !== null && (
        <Progress
          percent={progress}
          status={importer.isPending ? 'active' : importer.isError ? 'exception' : 'success'}
          style={{ marginTop: 12 }}
        />
      )}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="values-report">
          {result.errorCount === 0 ? (
            <Alert
              type="success"
              showIcon
              title={
                result.dryRun
                  ? t('indicatorLib.dryRunOk', { rows: result.rows })
                  : t('indicatorLib.importDone', { imported: result.imported, rows: result.rows })
              }
            />
          ) : (
            <>
              <Alert
                type={result.imported ? 'warning' : 'error'}
                showIcon
                title={
                  result.imported
                    ? t('indicatorLib.importPartly', { imported: result.imported, failed: result.failed })
                    : t('indicatorLib.dryRunFailed', { count: result.errorCount, failed: result.failed })
                }
              />
              <Table<ExternalValueRowError>
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(e) => `${e.row}-${e.field ?? ''}-${e.code}`}
                dataSource={result.errors}
                pagination={result.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
                columns={[
                  { title: t('indicatorLib.row'), dataIndex: 'row', width: 70 },
                  {
                    title: t('indicatorLib.field'),
                    dataIndex: 'field',
                    width: 130,
                    render: (f?: string) => f ?? '—',
                  },
                  { title: t('indicatorLib.problem'), key: 'message', render: (_, e) => text(e) },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
