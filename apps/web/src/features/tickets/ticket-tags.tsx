import { Space, Tag, Tooltip } from 'antd';
import { Channel, type PendingReason, type Priority, type TicketState, type TicketSummary } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';

/** One colour per state, so a column of states reads at a glance: open work in blues, waiting in orange, done in green/grey. */
const STATE_COLOR: Record<TicketState, string> = {
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  pending: 'warning',
  answered: 'purple',
  follow_up: 'gold',
  closed: 'success',
  archived: 'default',
  cancelled: 'default',
  merged: 'default',
};

/** The state as a coloured tag; a pending ticket also says what it waits for. */
export function StateTag({ state, pendingReason }: { state: TicketState; pendingReason?: PendingReason | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid="ticket-state">
      {t(`ticketState.${state}`)}
      {state === 'pending' && pendingReason ? ` · ${t(`pendingReason.${pendingReason}`)}` : ''}
    </Tag>
  );
}

const PRIORITY_COLOR: Record<Priority, string> = { low: '#bfbfbf', normal: '#1677ff', high: '#fa8c16', urgent: '#f5222d' };

/** Priority as a coloured dot and word: quieter than a tag next to the state tag. */
export function PriorityText({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap', color: priority === 'urgent' ? PRIORITY_COLOR.urgent : undefined }}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 6,
          height: 6,
          borderRadius: 3,
          marginInlineEnd: 6,
          verticalAlign: 'middle',
          background: PRIORITY_COLOR[priority],
        }}
      />
      {t(`priority.${priority}`)}
    </span>
  );
}

/** The small flags of a ticket: group complaint (群体性投诉), escalated (升级), repeat (重复), regulator appeal (申诉). */
export function TicketFlags({ ticket }: { ticket: Pick<TicketSummary, 'escalated' | 'repeatOf' | 'regulatorAppeal' | 'groupComplaint'> }) {
  const { t } = useTranslation();
  if (!ticket.escalated && !ticket.repeatOf && !ticket.regulatorAppeal && !ticket.groupComplaint) return null;
  const small = { marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 };
  return (
    <Space size={4} wrap={false}>
      {ticket.groupComplaint && (
        <Tag color="red" style={small} data-testid="flag-group-complaint">
          {t('ticket.flagGroupComplaint')}
        </Tag>
      )}
      {ticket.escalated && (
        <Tooltip title={t('ticket.escalated')}>
          <Tag color="red" style={small}>
            {t('ticket.flagEscalated')}
          </Tag>
        </Tooltip>
      )}
      {ticket.repeatOf && (
        <Tooltip title={t('ticket.repeat')}>
          <Tag color="orange" style={small}>
            {t('ticket.flagRepeat')}
          </Tag>
        </Tooltip>
      )}
      {ticket.regulatorAppeal && (
        <Tooltip title={t('ticket.regulator')}>
          <Tag color="magenta" style={small}>
            {t('ticket.flagRegulator')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** "张晓(东州坐席)" → "张晓": the part in brackets is the post, shown in a tooltip where space is short. */
export function shortName(name: string): string {
  return name.replace(/[(（].*[)）]$/, '') || name;
}

/** A channel's name, including `sms` (a confirmation channel); an unknown value is shown as it is. */
export function useChannelLabel() {
  const { t } = useTranslation();
  return (v: string) => (v === 'sms' || Channel.safeParse(v).success ? t(`channel.${v as Channel | 'sms'}`) : v);
}
