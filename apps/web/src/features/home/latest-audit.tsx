import { Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { AuditEntry } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';

/** The few newest audit entries on the dashboard (the API lists newest first). */
export function LatestAudit({ entries, loading }: { entries: AuditEntry[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (!entries?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noAudit')} />;
  return (
    <Flex vertical>
      {entries.map((e, i) => (
        <Flex
          key={e.id}
          justify="space-between"
          align="center"
          gap={8}
          style={{ padding: '10px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Tag style={{ margin: 0, flex: 'none' }}>{t(`auditAction.${e.action}`)}</Tag>
            <Typography.Text ellipsis>
              {e.actorName ?? t('audit.system')} · {e.entityType}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(e.at)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
