import { Alert, Button, Descriptions, Flex, Modal, Space, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { SurveyScanPoint } from '@qloop/contracts';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { scanPointQrUrl } from '../../api/survey-scan-points';
import { scanPointText } from '../survey-answer/scan-point-label';
import './scan-points.css';

/** PNG downloads are big enough for a card printed at 8 cm and 300 dpi. */
const PNG_SIZE = 1024;

/** The card as customers see it: 扫码评价, what is rated, the QR, how to scan, the code. */
function QrCard({ point, en }: { point: SurveyScanPoint; en: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="qsp-card" data-testid="scan-card">
      <div className="qsp-card-cta">{t('scanPoint.cardCta')}</div>
      <div className="qsp-card-label">{scanPointText(point, en)}</div>
      <img
        className="qsp-card-qr"
        src={scanPointQrUrl(point.id, 'svg')}
        alt={t('scanPoint.qrAlt', { code: point.code })}
        data-testid="scan-card-qr"
      />
      <div className="qsp-card-hint">{t('scanPoint.cardHint')}</div>
      <div className="qsp-card-code">{point.code}</div>
    </div>
  );
}

/**
 * The print and download panel of a point: the card previewed with its QR (SVG from the server,
 * encoding the public address), PNG and SVG downloads, and 打印台卡 — the page prints only the card
 * (see scan-points.css).
 */
export function QrPrintModal({ point, onClose }: { point: SurveyScanPoint | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (
    <Modal
      open={point !== null}
      title={t('scanPoint.printTitle')}
      onCancel={onClose}
      width={720}
      destroyOnHidden
      footer={
        <Button onClick={onClose} data-testid="scan-print-close">
          {t('common.close')}
        </Button>
      }
    >
      {point && (
        <Flex gap={24} wrap align="flex-start" data-testid="scan-print-panel">
          <QrCard point={point} en={en} />
          <Flex vertical gap={16} style={{ flex: '1 1 280px', minWidth: 0 }}>
            {(!point.active || point.surveyState !== 'published') && (
              <Alert
                type="warning"
                showIcon
                title={t(point.active ? 'scanPoint.surveyNotInUse' : 'scanPoint.pointInactive')}
              />
            )}
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'survey',
                  label: t('scanPoint.survey'),
                  children: en ? point.surveyNameEn : point.surveyNameZh,
                },
                {
                  key: 'code',
                  label: t('scanPoint.code'),
                  children: (
                    <Typography.Text style={{ fontFamily: 'monospace' }}>{point.code}</Typography.Text>
                  ),
                },
                {
                  key: 'url',
                  label: t('scanPoint.url'),
                  children: (
                    <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="scan-print-url">
                      {point.url}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('scanPoint.printHint')}
            </Typography.Text>
            <Space wrap>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                onClick={() => window.print()}
                data-testid="scan-print"
              >
                {t('scanPoint.print')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={scanPointQrUrl(point.id, 'png', PNG_SIZE)}
                download
                data-testid="scan-download-png"
              >
                {t('scanPoint.downloadPng')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={scanPointQrUrl(point.id, 'svg')}
                download
                data-testid="scan-download-svg"
              >
                {t('scanPoint.downloadSvg')}
              </Button>
            </Space>
          </Flex>
          {/* the copy that prints: outside the dialog, so the page can hide everything else */}
          {createPortal(
            <div className="qsp-print-root">
              <QrCard point={point} en={en} />
            </div>,
            document.body,
          )}
        </Flex>
      )}
    </Modal>
  );
}
