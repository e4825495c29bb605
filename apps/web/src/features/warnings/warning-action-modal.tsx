import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { LIMITS, WarningAction, WarningPlan, type WarningDetail } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useWarningAction } from '../../api/warnings';
import { ResetFormOnOpen } from '../../components/reset-form-on-open';
import { zodRule } from '../../components/zod-rule';
import { NEEDS_REASON, type WarningActionKind } from './warning-actions';
import { useWarningError } from './use-warning-error';

interface Values {
  note?: string;
  measures?: string;
  responsible?: string;
  dueDate?: Dayjs;
}

/** The contract's `note` of an action: optional for acknowledge/verify, a required reason for reject_plan/close. */
function noteSchema(action: WarningActionKind): z.ZodType {
  const option = WarningAction.options.find((o) => o.shape.action.value === action)!;
  return (option.shape as unknown as { note: z.ZodType }).note;
}

const NOTE_MAX = 2000;

/**
 * The dialog of one lifecycle action: a confirmation with an optional note (确认, 验证通过), the
 * rectification plan (measures, who, by when — checked with the contract's WarningPlan before it is
 * sent), or a reason (退回方案, 关闭). Sends the version the page showed; a 409 reloads the warning.
 */
export function WarningActionModal({
  warning,
  action,
  onClose,
  reload,
}: {
  warning: WarningDetail;
  action: WarningActionKind | null;
  onClose: () => void;
  reload: () => unknown;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const mutation = useWarningAction(warning.id);
  const handleError = useWarningError(reload);
  const { message } = App.useApp();
  const label = action ? t(`warningAction.${action}`) : '';

  const submit = (v: Values) => {
    if (!action) return;
    const version = warning.version;
    const note = v.note?.trim() || undefined;
    let body: WarningAction;
    if (action === 'submit_plan') {
      const plan = WarningPlan.safeParse({
        measures: v.measures ?? '',
        responsible: v.responsible ?? '',
        dueDate: v.dueDate?.format('YYYY-MM-DD') ?? '',
      });
      if (!plan.success) {
        form.setFields(
          plan.error.issues.map((i) => ({
            name: String(i.path[0]) as keyof Values,
            errors: [t('warning.planInvalid')],
          })),
        );
        return;
      }
      body = { action, version, plan: plan.data };
    } else if (action === 'reject_plan' || action === 'close') body = { action, version, note: note ?? '' };
    else body = { action, version, ...(note ? { note } : {}) };
    mutation.mutate(body, {
      onSuccess: () => {
        void message.success(t(`warningAction.done_${action}`));
        onClose();
      },
      onError: (e) => {
        if (handleError(e, form)) onClose();
      },
    });
  };

  const reason = action !== null && NEEDS_REASON.includes(action);
  return (
    <Modal
      open={action !== null}
      title={
        <span>
          {label}
          <Typography.Text
            type="secondary"
            style={{ fontWeight: 'normal', marginInlineStart: 8, fontSize: 13 }}
          >
            {warning.warningNo}
          </Typography.Text>
        </span>
      }
      okText={label}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{
        danger: action === 'close' && warning.state !== 'verified',
        'data-testid': 'warning-action-submit',
      }}
      destroyOnHidden
      width={action === 'submit_plan' ? 600 : 480}
      data-testid="warning-action-modal"
    >
      <div data-testid={action === 'submit_plan' ? 'warning-plan-form' : undefined}>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={submit}
          initialValues={
            action === 'submit_plan'
              ? {
                  // after a rejection the previous plan is the starting point
                  measures: warning.plan?.measures,
                  responsible: warning.plan?.responsible ?? me.displayName,
                  dueDate: warning.plan?.dueDate ? dayjs(warning.plan.dueDate) : undefined,
                }
              : {}
          }
        >
          {action && <ResetFormOnOpen form={form} openKey={`${action}:${warning.version}`} />}
          {action === 'submit_plan' && (
            <>
              <Typography.Paragraph type="secondary">
                {t('warning.planIntro', { at: dayjs(warning.planDueAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Paragraph>
              <Form.Item
                name="measures"
                label={t('warning.measures')}
                rules={[
                  { required: true, whitespace: true, message: t('warning.measuresRequired') },
                  zodRule(WarningPlan.shape.measures, t('warning.measuresMin')),
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 4, maxRows: 10 }}
                  maxLength={4000}
                  showCount
                  placeholder={t('warning.measuresPlaceholder')}
                  autoFocus
                />
              </Form.Item>
              <Form.Item
                name="responsible"
                label={t('warning.responsible')}
                rules={[
                  { required: true, whitespace: true },
                  zodRule(WarningPlan.shape.responsible, t('validation.maxLength', { max: LIMITS.nameMax })),
                ]}
              >
                <Input maxLength={LIMITS.nameMax} placeholder={t('warning.responsiblePlaceholder')} />
              </Form.Item>
              <Form.Item
                name="dueDate"
                label={t('warning.dueDate')}
                extra={t('warning.dueDateHint')}
                rules={[
                  { required: true, message: t('warning.dueDateRequired') },
                  {
                    validator: async (_r, v: Dayjs | undefined) => {
                      if (v && !WarningPlan.shape.dueDate.safeParse(v.format('YYYY-MM-DD')).success)
                        throw new Error(t('warning.dueDateRequired'));
                    },
                  },
                ]}
              >
                <DatePicker
                  style={{ width: 200 }}
                  disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
                  data-testid="warning-plan-due"
                />
              </Form.Item>
            </>
          )}
          {action === 'close' && warning.state !== 'verified' && (
            <Alert type="warning" showIcon title={t('warning.dismissHint')} style={{ marginBottom: 16 }} />
          )}
          {(action === 'acknowledge' || action === 'verify') && (
            <Typography.Paragraph>
              {t(action === 'acknowledge' ? 'warning.acknowledgeHint' : 'warning.verifyHint')}
            </Typography.Paragraph>
          )}
          {action && action !== 'submit_plan' && (
            <Form.Item
              name="note"
              label={
                reason
                  ? t(action === 'close' ? 'warning.closeReason' : 'warning.rejectReason')
                  : t('warning.note')
              }
              rules={
                reason
                  ? [
                      { required: true, whitespace: true, message: t('warning.reasonRequired') },
                      zodRule(noteSchema(action), t('warning.reasonMin')),
                    ]
                  : [{ max: NOTE_MAX }]
              }
            >
              <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount autoFocus={reason} />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
