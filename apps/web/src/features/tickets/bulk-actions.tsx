import { Alert, Button, Flex, Form, Input, Modal, Result, Select, Table, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import {
  BULK_LIMITS,
  OUTCOMES,
  type BULK_ACTIONS,
  type BulkTransitionResult,
  type Group,
  type Outcome,
  type TicketSummary,
} from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/session';
import { useBulkTransition } from '../../api/tickets';
import { useApiError } from '../../api/use-api-error';
import { useCan } from '../../components/require-permission';
import { AssigneeSelect } from './assignee-select';
import { TransferGroupField } from './group-select';
import { StateTag } from './ticket-tags';

export type BulkAction = (typeof BULK_ACTIONS)[number];

interface Values {
  assigneeId?: string;
  groupId?: string;
  reason?: string;
  outcome?: Outcome;
  followUpResult?: string;
}

interface BulkDone {
  action: BulkAction;
  claim: boolean;
  result: BulkTransitionResult;
  /** the rows as they were sent: failed tickets have no number in the answer */
  rows: Map<string, TicketSummary>;
}

/**
 * The bar over the work list while tickets are selected: how many, and 分派 (领取 for an agent, who
 * may only take tickets themselves), 转派, 关闭 for all of them at once. Each ticket goes with the
 * version its row showed; the answer is shown ticket by ticket, and `onSettled` gets the ids that
 * succeeded (they leave the selection, the failed ones stay for another try). Stays mounted with
 * nothing selected, so the result outlives a selection that emptied.
 */
export function BulkBar({
  rows,
  onClear,
  onSettled,
}: {
  rows: TicketSummary[];
  onClear: () => void;
  onSettled: (succeeded: string[]) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const claim = !can('tickets:manage');
  const [action, setAction] = useState<BulkAction | null>(null);
  const [done, setDone] = useState<BulkDone | null>(null);
  const tooMany = rows.length > BULK_LIMITS.maxItems;
  const label = (a: BulkAction) => t(a === 'assign' && claim ? 'ticketAction.claim' : `ticketAction.${a}`);

  return (
    <>
      {rows.length > 0 && (
        <Flex className="qloop-bulk-bar" align="center" gap={8} wrap data-testid="bulk-bar">
          <span data-testid="bulk-count">{t('workList.selected', { count: rows.length })}</span>
          {tooMany && (
            <Typography.Text type="danger" data-testid="bulk-too-many">
              {t('workList.tooMany', { max: BULK_LIMITS.maxItems })}
            </Typography.Text>
          )}
          <Flex gap={8} style={{ marginInlineStart: 8 }}>
            {(['assign', 'transfer', 'close'] as const).map((a) => (
              <Button
                key={a}
                size="small"
                disabled={tooMany}
                onClick={() => setAction(a)}
                data-testid={`bulk-${a}`}
              >
                {label(a)}
              </Button>
            ))}
          </Flex>
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            onClick={onClear}
            style={{ marginInlineStart: 'auto' }}
            data-testid="bulk-clear"
          >
            {t('workList.clearSelection')}
          </Button>
        </Flex>
      )}
      <BulkActionModal
        action={action}
        claim={claim}
        rows={rows}
        onClose={() => setAction(null)}
        onDone={(a, result) => {
          setAction(null);
          setDone({
            action: a,
            claim: a === 'assign' && claim,
            result,
            rows: new Map(rows.map((r) => [r.id, r])),
          });
          onSettled(result.results.filter((r) => r.ok).map((r) => r.id));
        }}
      />
      <BulkResultModal done={done} onClose={() => setDone(null)} />
    </>
  );
}

/** The inputs one bulk action needs: a person; a group and/or person with a reason; an outcome (and the follow-up result for complaints). */
function BulkActionModal({
  action,
  claim,
  rows,
  onClose,
  onDone,
}: {
  action: BulkAction | null;
  claim: boolean;
  rows: TicketSummary[];
  onClose: () => void;
  onDone: (action: BulkAction, result: BulkTransitionResult) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const bulk = useBulkTransition();
  const showError = useApiError();
  const [group, setGroup] = useState<Group | undefined>();
  const [shownAction, setShownAction] = useState(action);
  if (shownAction !== action) {
    setShownAction(action);
    setGroup(undefined);
  }

  const isClaim = action === 'assign' && claim;
  const label = action ? t(isClaim ? 'ticketAction.claim' : `ticketAction.${action}`) : '';
  const complaints = rows.filter((r) => r.type === 'complaint').length;
  const business = rows.filter((r) => r.type === 'business').length;
  const shown = rows.slice(0, 3).map((r) => r.no);

  const submit = (v: Values) => {
    if (!action) return;
    bulk.mutate(
      {
        action,
        items: rows.map((r) => ({ id: r.id, version: r.version })),
        assigneeId: isClaim ? me.id : v.assigneeId,
        groupId: action === 'transfer' ? v.groupId : undefined,
        reason: action === 'transfer' ? v.reason?.trim() : undefined,
        outcome: action === 'close' ? v.outcome : undefined,
        followUpResult: action === 'close' ? v.followUpResult?.trim() || undefined : undefined,
      },
      { onSuccess: (result) => onDone(action, result), onError: (e) => showError(e, form) },
    );
  };

  return (
    <Modal
      open={action !== null}
      title={t('workList.bulkTitle', { action: label, count: rows.length })}
      okText={label}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={bulk.isPending}
      okButtonProps={{ 'data-testid': 'bulk-submit' }}
      destroyOnHidden
      width={520}
      data-testid="bulk-modal"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {rows.length > shown.length
          ? t('workList.bulkTicketsMore', { list: shown.join('、'), count: rows.length })
          : shown.join('、')}
        <br />
        {t('workList.bulkEachOnItsOwn')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        initialValues={{ outcome: 'resolved' }}
      >
        {isClaim && (
          <Typography.Paragraph>{t('workList.claimHint', { count: rows.length })}</Typography.Paragraph>
        )}
        {action === 'assign' && !claim && (
          <Form.Item
            name="assigneeId"
            label={t('ticket.assigneeLabel')}
            rules={[{ required: true }]}
            extra={
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() => form.setFieldsValue({ assigneeId: me.id })}
              >
                {t('ticket.assignToMe')}
              </Button>
            }
          >
            <AssigneeSelect
              autoFocus
              placeholder={t('ticket.assigneePlaceholder')}
              initialOption={{ id: me.id, displayName: me.displayName }}
              data-testid="bulk-assignee"
            />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <>
            <TransferGroupField form={form} onGroup={setGroup} testId="bulk-group" />
            <Form.Item
              name="assigneeId"
              label={t('ticket.transferTo')}
              dependencies={['groupId']}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    v || form.getFieldValue('groupId')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('workList.transferNeedsTarget'))),
                },
              ]}
            >
              <AssigneeSelect
                allowClear
                placeholder={t(group ? 'workList.memberPlaceholder' : 'ticket.assigneePlaceholder')}
                members={group?.members.map((m) => ({ id: m.userId, displayName: m.displayName }))}
                data-testid="bulk-assignee"
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('ticket.transferReason')}
              rules={[{ required: true, whitespace: true }, { max: 500 }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="bulk-reason" />
            </Form.Item>
          </>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="outcome" label={t('ticket.outcome')} rules={[{ required: true }]}>
              <Select
                data-testid="bulk-outcome"
                options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              />
            </Form.Item>
            {business > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('workList.closeBusinessHint')}
                style={{ marginBottom: 16 }}
              />
            )}
            <Form.Item
              name="followUpResult"
              label={t('ticket.followUpResult')}
              extra={complaints > 0 ? t('workList.closeComplaintsHint', { count: complaints }) : undefined}
              rules={[
                { required: complaints > 0, whitespace: true, message: t('ticket.closeNeedsProof') },
                { max: 1000 },
              ]}
            >
              <Input.TextArea
                rows={3}
                placeholder={t('ticket.followUpPlaceholder')}
                data-testid="bulk-followup"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** Known error codes of a refused ticket, in words; the server's own message follows where it is specific. */
const WITH_DETAIL = new Set(['VALIDATION_FAILED', 'INTERNAL']);

function FailureReason({
  error,
  row,
}: {
  error: { code: string; message: string };
  row: TicketSummary | undefined;
}) {
  const { t, i18n } = useTranslation();
  const key = `workList.failed_${error.code}`;
  if (!i18n.exists(key)) return <span>{error.message}</span>;
  return (
    <span>
      {t(key as 'workList.failed_CONFLICT')}
      {error.code === 'ILLEGAL_TRANSITION' && row && (
        <span style={{ marginInlineStart: 6 }}>
          <StateTag state={row.state} />
        </span>
      )}
      {WITH_DETAIL.has(error.code) && error.message && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {error.message}
        </Typography.Text>
      )}
    </span>
  );
}

/** What a bulk action did: how many succeeded, and each refused ticket with the reason. */
function BulkResultModal({ done, onClose }: { done: BulkDone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = done ? t(done.claim ? 'ticketAction.claim' : `ticketAction.${done.action}`) : '';
  const failed = done?.result.results.filter((r) => !r.ok) ?? [];
  const ok = done?.result.succeeded ?? 0;
  return (
    <Modal
      open={done !== null}
      title={t('workList.resultTitle', { action: label })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="bulk-result-close">
          {t('common.close')}
        </Button>
      }
      width={failed.length ? 640 : 440}
      destroyOnHidden
      data-testid="bulk-result"
    >
      <Result
        status={failed.length === 0 ? 'success' : ok === 0 ? 'error' : 'warning'}
        title={
          <span data-testid="bulk-result-summary">
            {failed.length === 0
              ? t('workList.resultAllOk', { action: label, count: ok })
              : t('workList.resultSome', { action: label, ok, failed: failed.length })}
          </span>
        }
        subTitle={failed.length ? t('workList.resultFailedHint') : undefined}
        style={{ padding: '16px 0 8px' }}
      />
      {failed.length > 0 && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={failed}
          data-testid="bulk-failed"
          columns={[
            {
              title: t('ticket.no'),
              key: 'no',
              width: 170,
              render: (_, r) => {
                const row = done?.rows.get(r.id);
                return <Link to={`/tickets/${r.id}`}>{r.no ?? row?.no ?? r.id}</Link>;
              },
            },
            {
              title: t('workList.failedReason'),
              key: 'reason',
              render: (_, r) =>
                r.error ? <FailureReason error={r.error} row={done?.rows.get(r.id)} /> : null,
            },
          ]}
        />
      )}
    </Modal>
  );
}
