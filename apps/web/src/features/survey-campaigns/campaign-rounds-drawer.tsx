import { Descriptions, Drawer, Empty, Progress, Space, Tag, Typography } from 'antd';
import type { CampaignRound } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { useCampaign } from '../../api/survey-campaigns';
import { formatDateTime } from '../../components/format';
import { StrataTable } from './campaign-form-modal';
import { formatRate, roundProgress } from './campaign-format';

const STATE_COLOR: Record<CampaignRound['state'], string> = { sending: 'processing', done: 'success', failed: 'error' };

/** A round's state as a tag. */
export function RoundStateTag({ state }: { state: CampaignRound['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`campaign.round_${state}`)}</Tag>;
}

/**
 * 测评轮次: every round of a campaign, newest first — its seed (the sample can be drawn again from it),
 * progress of the invitations, answers and response rate, and each unit's population and quota.
 * Refreshes itself while a round is sending.
 */
export function CampaignRoundsDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { data } = useCampaign(id);
  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={data ? data.name : t('campaign.rounds')} data-testid="campaign-drawer">
      {data && !data.roundList.length && <Empty description={t('campaign.noRounds')} />}
      {data?.roundList.map((r) => (
        <section key={r.id} style={{ marginBottom: 24 }} data-testid={`campaign-round-${r.roundNo}`}>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('campaign.roundNo', { n: r.roundNo })}
            </Typography.Title>
            <RoundStateTag state={r.state} />
            <Typography.Text type="secondary">{t(`campaign.trigger_${r.trigger}`)}</Typography.Text>
          </Space>
          {r.error && <Typography.Paragraph type="danger">{r.error}</Typography.Paragraph>}
          <Descriptions size="small" column={3} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('campaign.startedAt')}>{formatDateTime(r.startedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.finishedAt')}>{formatDateTime(r.finishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.seed')}>
              <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{r.seed}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.population')}>{r.population.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.sampled')}>{r.sampled.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.surveyVersion')}>{r.surveyVersion === null ? '—' : `v${r.surveyVersion}`}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.invited')} span={2}>
              <Progress percent={roundProgress(r)} size="small" status={r.state === 'sending' ? 'active' : undefined} style={{ width: 200, margin: 0 }} />
              <span style={{ marginLeft: 8 }} data-testid="round-invited">
                {t('campaign.invitedOf', { invited: r.invited, sampled: r.sampled, skipped: r.skipped })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaign.responseRate')}>
              <span data-testid="round-response-rate">
                {formatRate(r.responseRate)} ({r.answered})
              </span>
            </Descriptions.Item>
          </Descriptions>
          {r.strata.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <StrataTable strata={r.strata} />
            </div>
          )}
        </section>
      ))}
    </Drawer>
  );
}
