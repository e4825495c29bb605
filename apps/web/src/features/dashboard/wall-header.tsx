import { Button, Flex, Tag, Typography } from 'antd';
import { FullscreenExitOutlined, SyncOutlined } from '@ant-design/icons';
import { useIsFetching } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../../components/logo';
import { useLastRefresh } from './wall-mode';

/**
 * The wall screen's title bar: what is shown (unit, period, filters), when the figures were last
 * refreshed (every 60 s on their own), and the way back (also Esc).
 */
export function WallHeader({ unitName, period, filters, onLeave }: { unitName: string; period: string; filters: ReactNode[]; onLeave: () => void }) {
  const { t } = useTranslation();
  const last = useLastRefresh();
  const fetching = useIsFetching({ predicate: (q) => q.queryKey[0] === 'indicator-value' || q.queryKey[0] === 'indicator-breakdown' }) > 0;
  return (
    <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 20 }} data-testid="wall-header">
      <Flex align="center" gap={16}>
        <LogoMark size={40} />
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('dashboard.wallTitle', { unit: unitName })}
          </Typography.Title>
          <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 16 }}>{period}</Typography.Text>
            {filters.map((f, i) => (
              <Tag key={i} color="blue" style={{ fontSize: 14 }}>{f}</Tag>
            ))}
          </Flex>
        </div>
      </Flex>
      <Flex align="center" gap={16}>
        <Typography.Text type="secondary" style={{ fontSize: 16 }} data-testid="wall-last-refresh">
          <SyncOutlined spin={fetching} style={{ marginInlineEnd: 8 }} />
          {t('dashboard.lastRefresh', { time: last ? dayjs(last).format('HH:mm:ss') : '—' })}
        </Typography.Text>
        <Button size="large" icon={<FullscreenExitOutlined />} onClick={onLeave} data-testid="wall-leave">
          {t('dashboard.wallLeave')}
        </Button>
      </Flex>
    </Flex>
  );
}
