import { App, Button, Card, Descriptions, Popconfirm, Tag, Typography } from 'antd';
import { EyeOutlined, HistoryOutlined, UserOutlined } from '@ant-design/icons';
import type { Customer } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRevealCustomer } from '../../api/tickets';
import { useApiError } from '../../api/use-api-error';
import { useCan } from '../../components/require-permission';

/**
 * The customer of a ticket: name, tier, masked phone and number. With pii:unmask, "显示号码"
 * fetches the full phone and ID number through the audited reveal endpoint; nothing else unmasks.
 */
export function CustomerPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const reveal = useRevealCustomer();
  const showError = useApiError();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<{ phone: string | null; idNumber: string | null } | null>(null);

  return (
    <Card
      title={
        <span>
          <UserOutlined style={{ marginInlineEnd: 8, color: '#1677ff' }} />
          {t('ticket.customerPanel')}
        </span>
      }
      size="small"
      extra={
        <Link to={`/tickets?orgUnitId=all&customerId=${customer.id}`}>
          <HistoryOutlined /> {t('ticket.customerHistory')}
        </Link>
      }
      data-testid="customer-panel"
    >
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 84 } }}>
        <Descriptions.Item label={t('ticket.customerName')}>
          <span>
            {customer.name ?? <Typography.Text type="secondary">{t('ticket.anonymous')}</Typography.Text>}
            {customer.tier === 'vip' ? (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {t('ticket.tierVip')}
              </Tag>
            ) : (
              <Tag style={{ marginInlineStart: 8 }}>{t('ticket.tierNormal')}</Tag>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('ticket.customerPhone')}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="customer-phone">
            {revealed?.phone ?? customer.phone ?? '—'}
          </span>
          {can('pii:unmask') && !revealed && customer.phone && (
            <Popconfirm
              title={t('ticket.revealConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                reveal.mutateAsync({ id: customer.id }).then(
                  (r) => {
                    setRevealed({ phone: r.phone, idNumber: r.idNumber });
                    void message.info(t('ticket.revealed'));
                  },
                  (e: unknown) => showError(e),
                )
              }
            >
              <Button type="link" size="small" icon={<EyeOutlined />} loading={reveal.isPending} style={{ height: 22 }}>
                {t('ticket.reveal')}
              </Button>
            </Popconfirm>
          )}
        </Descriptions.Item>
        {revealed && (
          <Descriptions.Item label={t('ticket.idNumber')}>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{revealed.idNumber ?? '—'}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('ticket.customerNo')}>{customer.customerNo ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
