import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { breakdownXlsxHref, type Breakdown } from '../../api/indicators';

/** 导出: the breakdown a chart or table shows, as an .xlsx download in the reader's language. */
export function ExportButton({ indicatorKey, breakdown, testId }: { indicatorKey: string | undefined; breakdown: Breakdown; testId: string }) {
  const { t, i18n } = useTranslation();
  if (!indicatorKey) return null;
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      href={breakdownXlsxHref(indicatorKey, breakdown, i18n.language.startsWith('zh') ? 'zh' : 'en')}
      data-testid={testId}
    >
      {t('dashboard.exportXlsx')}
    </Button>
  );
}
