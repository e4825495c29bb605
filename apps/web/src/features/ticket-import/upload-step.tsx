import { App, Button, Flex, Progress, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_LIMITS, type TicketImport } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadTicketImport } from '../../api/ticket-import';
import { useApiError } from '../../api/use-api-error';
import { downloadTemplate } from './import-files';

const MB = IMPORT_LIMITS.uploadBytesMax / 1024 / 1024;

/** Step 1: drop a CSV or XLSX; it is uploaded at once and the server answers its columns. */
export function UploadStep({ onUploaded }: { onUploaded: (job: TicketImport) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const upload = useUploadTicketImport();
  const [progress, setProgress] = useState<number | null>(null);

  const send = (file: File) => {
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: onUploaded,
        onError: (e) => {
          setProgress(null);
          showError(e);
        },
      },
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('ticketImport.uploadHelp')}
      </Typography.Paragraph>
      <div data-testid="import-dragger">
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(f) => {
            if (f.size > IMPORT_LIMITS.uploadBytesMax) {
              void message.error(t('ticketImport.tooLarge', { mb: MB }));
              return Upload.LIST_IGNORE;
            }
            send(f);
            return false; // the upload is ours (with progress and our error messages), not antd's
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('ticketImport.dragHint')}</p>
          <p className="ant-upload-hint">
            {t('ticketImport.fileHint', {
              mb: MB,
              rows: new Intl.NumberFormat(i18n.language).format(IMPORT_LIMITS.maxRows),
            })}
          </p>
        </Upload.Dragger>
      </div>
      {progress !== null && (
        <div>
          <Progress percent={progress} status={upload.isPending ? 'active' : 'normal'} />
          <Typography.Text type="secondary">{t('ticketImport.uploading')}</Typography.Text>
        </div>
      )}
      <div>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
          {t('ticketImport.template')}
        </Button>
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {t('ticketImport.templateHint')}
        </Typography.Text>
      </div>
    </Flex>
  );
}
