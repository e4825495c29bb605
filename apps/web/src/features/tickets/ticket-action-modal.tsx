import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import {
  CHANNELS,
  OUTCOMES,
  PENDING_REASONS,
  TICKET_LIMITS,
  type Channel,
  type Group,
  type Outcome,
  type PendingReason,
  type TicketAction,
  type TicketDetail,
  type TransitionBody,
} from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useTickets, useTransitionTicket } from '../../api/tickets';
import { useCan } from '../../components/require-permission';
import { AssigneeSelect } from './assignee-select';
import { TransferGroupField } from './group-select';
import { useTicketError } from './use-ticket-error';

interface Values {
  assigneeId?: string;
  groupId?: string;
  reason?: string;
  pendingReason?: PendingReason;
  reply?: string;
  outcome?: Outcome;
  recordConfirmation?: boolean;
  confChannel?: Channel | 'sms';
  confAt?: Dayjs;
  confEvidence?: string;
  followUpResult?: string;
  survivorId?: string;
}

/** Actions that need no input: the dialog only asks for confirmation. */
const NO_INPUT: readonly TicketAction[] = ['start', 'resume', 'follow_up', 'archive'];

/** An agent without tickets:manage may only assign to themselves: that is "领取" (claim). */
export function useIsClaim() {
  const can = useCan();
  return (action: TicketAction) => action === 'assign' && !can('tickets:manage');
}

/**
 * The small form of one lifecycle action, with exactly the inputs that action needs (see the
 * server's planTransition): assignee; group and/or assignee + reason; pending reason (+ optional
 * reply); reply; outcome + customer confirmation / follow-up result; reason; survivor ticket. Sends the version
 * the page loaded, so a ticket someone else changed meanwhile answers 409 and is reloaded.
 */
export function TicketActionModal({
  ticket,
  action,
  onClose,
  reload,
}: {
  ticket: TicketDetail;
  action: TicketAction | null;
  onClose: () => void;
  reload: () => unknown;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const isClaim = useIsClaim();
  const transition = useTransitionTicket(ticket.id);
  const handleError = useTicketError(reload);
  const { message } = App.useApp();

  const claim = action !== null && isClaim(action);
  const label = action ? t(claim ? 'ticketAction.claim' : `ticketAction.${action}`) : '';
  const needsConfirmation = ticket.type === 'business' && ticket.changesService;
  const isComplaint = ticket.type === 'complaint';
  const recordConfirmation = Form.useWatch('recordConfirmation', form) as boolean | undefined;
  // a transfer to a group offers only its members (or nobody: the ticket then waits in its queue)
  const [group, setGroup] = useState<Group | undefined>();
  const [shownAction, setShownAction] = useState(action);
  if (shownAction !== action) {
    setShownAction(action);
    setGroup(undefined);
  }

  const submit = (v: Values) => {
    if (!action) return;
    const body: TransitionBody = { action, version: ticket.version };
    if (action === 'assign') body.assigneeId = claim ? me.id : v.assigneeId;
    if (action === 'transfer') {
      body.assigneeId = v.assigneeId;
      body.groupId = v.groupId;
    }
    if (['transfer', 'reopen', 'cancel'].includes(action)) body.reason = v.reason?.trim();
    if (action === 'pend') body.pendingReason = v.pendingReason;
    if ((action === 'pend' || action === 'answer') && v.reply?.trim()) body.reply = v.reply.trim();
    if (action === 'close') {
      body.outcome = v.outcome;
      if (v.recordConfirmation && v.confChannel && v.confAt && v.confEvidence) {
        body.confirmation = { channel: v.confChannel, at: v.confAt.format(), evidence: v.confEvidence.trim() };
      }
      if (v.followUpResult?.trim()) body.followUpResult = v.followUpResult.trim();
    }
    if (action === 'merge') body.survivorId = v.survivorId;
    transition.mutate(body, {
      onSuccess: () => {
        void message.success(t(claim ? 'ticketAction.done_claim' : `ticketAction.done_${action}`));
        onClose();
      },
      onError: (e) => {
        if (handleError(e, form)) onClose();
      },
    });
  };

  const reasonField = (name: 'transferReason' | 'cancelReason' | 'reopenReason') => (
    <Form.Item name="reason" label={t(`ticket.${name}`)} rules={[{ required: true, whitespace: true }, { max: 500 }]}>
      <Input.TextArea rows={3} maxLength={500} showCount autoFocus={action !== 'transfer'} />
    </Form.Item>
  );

  return (
    <Modal
      open={action !== null}
      title={
        <span>
          {label}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}>
            {ticket.no}
          </Typography.Text>
        </span>
      }
      okText={label}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      okButtonProps={{ danger: action === 'cancel', 'data-testid': 'action-submit' }}
      destroyOnHidden
      width={action === 'close' ? 560 : 480}
      data-testid="action-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        initialValues={{
          pendingReason: 'customer',
          outcome: 'resolved',
          recordConfirmation: needsConfirmation,
          confChannel: ticket.channel,
          confAt: dayjs(),
        }}
        style={{ marginTop: 16 }}
      >
        {action && (NO_INPUT.includes(action) || claim) && (
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {claim ? t('ticket.claimHint') : t('ticket.confirmAction', { no: ticket.no, action: label })}
          </Typography.Paragraph>
        )}

        {action === 'transfer' && (
          <TransferGroupField form={form} onGroup={setGroup} testId="transfer-group" />
        )}
        {((action === 'assign' && !claim) || action === 'transfer') && (
          <Form.Item
            name="assigneeId"
            label={t(action === 'transfer' ? 'ticket.transferTo' : 'ticket.assigneeLabel')}
            dependencies={['groupId']}
            rules={[
              action === 'transfer'
                ? {
                    validator: (_, v: string | undefined) =>
                      v || form.getFieldValue('groupId') ? Promise.resolve() : Promise.reject(new Error(t('workList.transferNeedsTarget'))),
                  }
                : { required: true },
            ]}
            extra={
              action === 'assign' && (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ assigneeId: me.id })}>
                  {t('ticket.assignToMe')}
                </Button>
              )
            }
          >
            <AssigneeSelect
              placeholder={t(group ? 'workList.memberPlaceholder' : 'ticket.assigneePlaceholder')}
              autoFocus={action === 'assign'}
              allowClear={action === 'transfer'}
              data-testid="assignee-select"
              initialOption={action === 'assign' ? { id: me.id, displayName: me.displayName } : undefined}
              members={action === 'transfer' && group ? group.members.map((m) => ({ id: m.userId, displayName: m.displayName })) : undefined}
            />
          </Form.Item>
        )}
        {action === 'transfer' && reasonField('transferReason')}
        {action === 'cancel' && reasonField('cancelReason')}
        {action === 'reopen' && reasonField('reopenReason')}

        {action === 'pend' && (
          <>
            <Form.Item name="pendingReason" label={t('ticket.pendingReasonLabel')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={PENDING_REASONS.map((r) => ({ value: r, label: t(`pendingReason.${r}`) }))}
              />
            </Form.Item>
            <Form.Item name="reply" label={t('ticket.replyWithPend')} extra={t('ticket.replyWithPendHint')} rules={[{ max: TICKET_LIMITS.noteMax }]}>
              <Input.TextArea rows={3} data-testid="action-reply" />
            </Form.Item>
          </>
        )}

        {action === 'answer' && (
          <Form.Item name="reply" label={t('ticket.reply')} rules={[{ required: true, whitespace: true }, { max: TICKET_LIMITS.noteMax }]}>
            <Input.TextArea rows={5} placeholder={t('ticket.replyPlaceholder')} autoFocus data-testid="action-reply" />
          </Form.Item>
        )}

        {action === 'close' && (
          <>
            <Form.Item name="outcome" label={t('ticket.outcome')} rules={[{ required: true }]}>
              <Select
                data-testid="close-outcome"
                options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              />
            </Form.Item>
            {needsConfirmation && <Alert type="warning" showIcon title={t('ticket.closeNeedsConfirmation')} style={{ marginBottom: 16 }} />}
            {isComplaint && <Alert type="info" showIcon title={t('ticket.closeNeedsProof')} style={{ marginBottom: 16 }} />}
            <Form.Item name="recordConfirmation" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox disabled={needsConfirmation} data-testid="record-confirmation">
                {t('ticket.recordConfirmation')}
              </Checkbox>
            </Form.Item>
            {recordConfirmation && (
              <div className="qloop-subform">
                <Form.Item name="confChannel" label={t('ticket.confirmationChannel')} rules={[{ required: true }]} style={{ flex: '0 0 150px' }}>
                  <Select options={[...CHANNELS, 'sms' as const].map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                </Form.Item>
                <Form.Item name="confAt" label={t('ticket.confirmationAt')} rules={[{ required: true }]} style={{ flex: '0 0 190px' }}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
                </Form.Item>
                <Form.Item
                  name="confEvidence"
                  label={t('ticket.confirmationEvidence')}
                  rules={[{ required: true, whitespace: true }, { max: 500 }]}
                  style={{ flex: '1 1 100%' }}
                >
                  <Input placeholder={t('ticket.evidencePlaceholder')} />
                </Form.Item>
              </div>
            )}
            <Form.Item
              name="followUpResult"
              label={t('ticket.followUpResult')}
              dependencies={['recordConfirmation']}
              rules={[
                { max: 1000 },
                {
                  validator: (_, v: string | undefined) =>
                    isComplaint && !form.getFieldValue('recordConfirmation') && !v?.trim()
                      ? Promise.reject(new Error(t('ticket.closeNeedsProof')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea rows={3} placeholder={t('ticket.followUpPlaceholder')} data-testid="close-followup" />
            </Form.Item>
          </>
        )}

        {action === 'merge' && (
          <Form.Item name="survivorId" label={t('ticket.survivor')} rules={[{ required: true }]} extra={t('ticket.survivorHint')}>
            <SurvivorSelect ticket={ticket} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * The ticket to merge into: the same customer's other open tickets are offered at once; a full
 * ticket number (GD…) typed into the box is looked up too.
 */
function SurvivorSelect({ ticket, value, onChange }: { ticket: TicketDetail; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const no = q.trim().toUpperCase();
  const byNo = /^GD\d{14}$/.test(no);
  const sameCustomer = useTickets({ page: 1, pageSize: 50, customerId: ticket.customer.id, open: true });
  const found = useTickets({ page: 1, pageSize: 5, q: no }, byNo);
  const rows = [...(sameCustomer.data?.items ?? []), ...(byNo ? (found.data?.items ?? []) : [])].filter(
    (r, i, all) => r.id !== ticket.id && all.findIndex((x) => x.id === r.id) === i,
  );
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      placeholder={t('ticket.survivorPlaceholder')}
      showSearch={{ onSearch: setQ, optionFilterProp: 'label' }}
      loading={sameCustomer.isFetching || found.isFetching}
      options={rows.map((r) => ({ value: r.id, label: `${r.no} ${r.title}` }))}
      notFoundContent={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ticket.noSurvivor')}
        </Typography.Text>
      }
      data-testid="survivor-select"
    />
  );
}
