import { Alert, App, Button, Drawer, Flex, Form, Steps, Typography } from 'antd';
import type { Calendar, SavedSlaPolicy, SlaImpact, SlaImpactBody, SlaPolicy } from '@qloop/contracts';
import type { z } from 'zod';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApiError } from '../../api/use-api-error';
import { useCreateSlaPolicy, usePreviewSlaImpact, useUpdateSlaPolicy } from './api';
import { ImpactPreview } from './impact-preview';
import { PolicyForm } from './policy-form';
import { toPolicyBody, toPolicyValues, type PolicyValues } from './policy-values';

type Body = ReturnType<typeof toPolicyBody>;

/**
 * Create (`policy` null), edit or — without sla:manage — view a policy. Saving takes two steps:
 * the server first says which open tickets' clocks the change would recompute (nothing saved),
 * then the save. A 409 (someone else saved first) reloads their version into the form and says so.
 */
export function PolicyDrawer({
  open,
  policy,
  calendars,
  readOnly,
  onClose,
}: {
  open: boolean;
  policy: SlaPolicy | null;
  calendars: Calendar[];
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<PolicyValues>();
  const preview = usePreviewSlaImpact();
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  // set once the preview answered: the body it was asked about and its impact, shown for confirmation
  const [pending, setPending] = useState<{ body: Body; impact: SlaImpact } | null>(null);
  const [conflict, setConflict] = useState(false);
  const initialValues = useMemo(() => toPolicyValues(policy), [policy]);

  // each opening starts from the policy as saved, and so does the version reloaded after a 409
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, policy?.id, policy?.version, form]);

  const close = () => {
    setPending(null);
    setConflict(false);
    onClose();
  };

  const onError = (e: unknown) => {
    setPending(null); // back to the form, where the problem is shown
    if (e instanceof ApiError && e.code === 'CONFLICT' && policy) {
      void message.warning(t('sla.conflictTitle'));
      setConflict(true);
      return;
    }
    showError(e, form);
  };

  const previewImpact = async () => {
    let body: Body;
    try {
      body = toPolicyBody(await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    const request: z.input<typeof SlaImpactBody> = policy ? { id: policy.id, changes: body } : { draft: body };
    preview.mutate(request, { onSuccess: (impact) => setPending({ body, impact }), onError });
  };

  const save = () => {
    if (!pending) return;
    const done = (saved: z.infer<typeof SavedSlaPolicy>) => {
      void message.success(policy ? t('sla.savedImpact', { count: saved.impact.count }) : t('sla.created'));
      close();
    };
    if (policy) update.mutate({ id: policy.id, version: policy.version, ...pending.body }, { onSuccess: done, onError });
    else create.mutate(pending.body, { onSuccess: done, onError });
  };

  const title = readOnly ? t('sla.view') : policy ? t('sla.edit') : t('sla.create');
  return (
    <Drawer
      open={open}
      onClose={close}
      size={820}
      title={policy ? `${title} · ${policy.name}` : title}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          {readOnly ? (
            <Button onClick={close}>{t('common.close')}</Button>
          ) : pending ? (
            <>
              <Button onClick={() => setPending(null)} data-testid="policy-back">
                {t('sla.back')}
              </Button>
              <Button type="primary" loading={create.isPending || update.isPending} onClick={save} data-testid="policy-save">
                {t('sla.confirmSave')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={preview.isPending} onClick={() => void previewImpact()} data-testid="policy-preview">
                {t('sla.previewImpact')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {!readOnly && (
        <Steps
          size="small"
          current={pending ? 1 : 0}
          items={[{ title: policy ? t('sla.edit') : t('sla.create') }, { title: t('sla.previewImpact') }]}
          style={{ marginBottom: 20 }}
        />
      )}
      {readOnly && <Alert type="info" showIcon title={t('sla.readOnly')} style={{ marginBottom: 16 }} />}
      {conflict && <Alert type="warning" showIcon title={t('sla.conflictTitle')} description={t('sla.conflict')} style={{ marginBottom: 16 }} />}
      {pending && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('sla.previewTitle')}
          </Typography.Title>
          <ImpactPreview impact={pending.impact} />
        </>
      )}
      {/* kept mounted while the impact shows: a save the server refuses puts its errors on these fields */}
      <div style={pending ? { display: 'none' } : undefined}>
        <PolicyForm form={form} initialValues={initialValues} calendars={calendars} readOnly={readOnly} />
      </div>
    </Drawer>
  );
}
