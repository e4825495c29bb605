import { ShopOutlined, UserOutlined } from '@ant-design/icons';
import type { PublicScanPoint } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { scanPointText } from './scan-point-label';
import './scan-to-rate.css';

/** "您正在评价：东州中山路营业厅 · 3号窗口" — on the scan page and above the questions it opens. */
export function ScanRatingLine({ point }: { point: PublicScanPoint }) {
  const { t, i18n } = useTranslation();
  const what = scanPointText(point, i18n.language === 'en-US');
  return (
    <p className="qsr-rating" data-testid="scan-rating">
      {point.kind === 'staff' ? <UserOutlined /> : <ShopOutlined />}
      <span>
        {t('scanToRate.rating')}
        <strong>{what}</strong>
      </span>
    </p>
  );
}
