import { Alert, App, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { LIMITS, type ImportResult } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportCustomerBase } from '../../api/customer-base';
import { useApiError } from '../../api/use-api-error';
import { downloadTemplate } from './template';

const MB = LIMITS.uploadBytesMax / 1024 / 1024;

/**
 * Two-step import: the file is first sent with dryRun=true and the server's per-row report is
 * shown; only a clean report enables "confirm import", which sends the same file for real.
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const importer = useImportCustomerBase();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

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
      { file, dryRun, onProgress: setProgress },
      {
        onSuccess: (r) => {
          setResult(r);
          if (!r.dryRun) {
            void message.success(t('customerBase.importDone', { rows: r.rows, imported: r.imported }));
            close();
          }
        },
        onError: (e) => {
          setProgress(null);
          showError(e);
        },
      },
    );
  };

  const dryRunPassed = result?.dryRun === true && result.errors.length === 0 && result.rows > 0;

  return (
    <Modal
      open={open}
      width={720}
      title={t('customerBase.importTitle')}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('customerBase.template')}
          </Button>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button onClick={() => run(true)} disabled={!file} loading={importer.isPending && !dryRunPassed} data-testid="import-validate">
            {t('customerBase.validate')}
          </Button>
          <Button type="primary" onClick={() => run(false)} disabled={!dryRunPassed} loading={importer.isPending && dryRunPassed} data-testid="import-confirm">
            {t('customerBase.confirmImport')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('customerBase.importHelp')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, size: file.size, status: 'done' }] : []}
        beforeUpload={(f) => {
          if (f.size > LIMITS.uploadBytesMax) {
            void message.error(t('customerBase.tooLarge', { mb: MB }));
            return Upload.LIST_IGNORE;
          }
          setFile(f);
          setResult(null);
          setProgress(null);
          return false; // upload is ours (dry run first), not antd's
        }}
        onRemove={() => reset()}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('customerBase.dragHint')}</p>
        <p className="ant-upload-hint">{t('customerBase.fileHint', { mb: MB })}</p>
      </Upload.Dragger>

      {progress !== null && (
        <Progress
          percent={progress}
          status={importer.isPending ? 'active' : importer.isError ? 'exception' : 'success'}
          style={{ marginTop: 12 }}
          data-testid="import-progress"
        />
      )}

      {result && (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          {result.errors.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('customerBase.dryRunOk', { rows: result.rows })}
            />
          ) : (
            <>
              <Alert type="error" showIcon title={t('customerBase.dryRunFailed', { count: result.errors.length })} />
              <Table
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(e) => `${e.row}-${e.field ?? ''}-${e.message}`}
                dataSource={result.errors}
                pagination={result.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
                columns={[
                  { title: t('customerBase.row'), dataIndex: 'row', width: 80 },
                  { title: t('customerBase.field'), dataIndex: 'field', width: 140, render: (f?: string) => f ?? '—' },
                  { title: t('customerBase.message'), dataIndex: 'message' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
