import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import {
  LIMITS,
  SCAN_POINT_KINDS,
  SCAN_POINT_LIMITS,
  type ScanPointKind,
  type SurveyScanPoint,
} from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useOrgUnits } from '../../api/org-units';
import { useCreateScanPoint, useUpdateScanPoint } from '../../api/survey-scan-points';
import { useSurveys } from '../../api/surveys';
import { useUsers } from '../../api/users';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';

interface Values {
  surveyId: string;
  kind: ScanPointKind;
  orgUnitId: string;
  staffUserId?: string | null;
  labelZh: string;
  labelEn?: string;
}

/**
 * Create (`point` null) or change a scan point. Only published surveys are offered (an existing
 * point keeps showing its own survey); a staff point picks an active user of the unit or below it.
 * The printed code never changes, so a card can be pointed at another survey without reprinting.
 */
export function ScanPointFormModal({
  open,
  point,
  onClose,
}: {
  open: boolean;
  point: SurveyScanPoint | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const [form] = Form.useForm<Values>();
  const create = useCreateScanPoint();
  const update = useUpdateScanPoint();
  const saveAndClose = useSaveAndClose(form, onClose);
  const { message } = App.useApp();
  const { orgUnitId: scopeUnit } = useOrgUnitScope();
  const { data: units } = useOrgUnits();
  const kind = Form.useWatch('kind', form);
  const unitId = Form.useWatch('orgUnitId', form);
  const { data: surveys } = useSurveys({
    page: 1,
    pageSize: LIMITS.pageSizeMax,
    state: 'published',
    sort: 'code',
  });
  const { data: staff, isFetching: staffLoading } = useUsers(
    { page: 1, pageSize: LIMITS.pageSizeMax, sort: 'username', orgUnitId: unitId, active: true },
    open && kind === 'staff' && !!unitId,
  );

  const surveyOptions = (surveys?.items ?? []).map((s) => ({
    value: s.id,
    label: `${en ? s.nameEn : s.nameZh} (${s.code})`,
  }));
  // a point of a survey since retired still shows it (choosing another published one is offered)
  if (point && !surveyOptions.some((o) => o.value === point.surveyId)) {
    surveyOptions.unshift({
      value: point.surveyId,
      label: `${en ? point.surveyNameEn : point.surveyNameZh} (${point.surveyCode})`,
    });
  }

  // a store's card reads as the store: its name fills an empty label
  const prefillStoreLabel = (v: Partial<Values>) => {
    const unit = units?.find((u) => u.id === v.orgUnitId);
    if (v.kind !== 'store' || !unit || form.getFieldValue('labelZh')) return;
    form.setFieldsValue({ labelZh: unit.name, labelEn: unit.nameEn ?? '' });
  };

  const submit = (v: Values) => {
    const body = {
      surveyId: v.surveyId,
      kind: v.kind,
      orgUnitId: v.orgUnitId,
      staffUserId: v.kind === 'staff' ? (v.staffUserId ?? null) : null,
      labelZh: v.labelZh.trim(),
      labelEn: v.labelEn?.trim() ? v.labelEn.trim() : null,
    };
    if (!point) {
      create.mutate(body, saveAndClose(t('scanPoint.created')));
      return;
    }
    const saved = saveAndClose(t('common.saved'));
    update.mutate(
      { id: point.id, rowVersion: point.rowVersion, ...body },
      {
        ...saved,
        // someone else saved first: the list reloads with their version, so start again from it
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            void message.warning(t('scanPoint.versionConflict'));
            onClose();
            return;
          }
          saved.onError(e);
        },
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={open}
      width={620}
      title={point ? t('scanPoint.edit') : t('scanPoint.create')}
      onClose={onClose}
      saving={create.isPending || update.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>, all) => {
          // another unit has other staff: the one chosen may not work there
          if ('orgUnitId' in changed) form.setFieldValue('staffUserId', undefined);
          if ('orgUnitId' in changed || 'kind' in changed) prefillStoreLabel(all);
        }}
        initialValues={
          point
            ? {
                surveyId: point.surveyId,
                kind: point.kind,
                orgUnitId: point.orgUnitId,
                staffUserId: point.staffUserId,
                labelZh: point.labelZh,
                labelEn: point.labelEn ?? '',
              }
            : {
                kind: 'counter',
                orgUnitId: scopeUnit,
                surveyId: surveys?.items.length === 1 ? surveys.items[0]!.id : undefined,
              }
        }
      >
        <Form.Item
          name="surveyId"
          label={t('scanPoint.survey')}
          extra={t('scanPoint.surveyHint')}
          rules={[{ required: true, message: t('scanPoint.surveyRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={surveyOptions}
            notFoundContent={t('scanPoint.noPublishedSurveys')}
            data-testid="scan-point-survey"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('scanPoint.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SCAN_POINT_KINDS.map((k) => ({ value: k, label: t(`scanPoint.kind_${k}`) }))}
            data-testid="scan-point-kind"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={kind === 'staff' ? 12 : 24}>
            <Form.Item name="orgUnitId" label={t('scanPoint.orgUnit')} rules={[{ required: true }]}>
              <OrgUnitTreeSelect data-testid="scan-point-unit" />
            </Form.Item>
          </Col>
          {kind === 'staff' && (
            <Col span={12}>
              <Form.Item
                name="staffUserId"
                label={t('scanPoint.staff')}
                extra={t('scanPoint.staffHint')}
                rules={[{ required: true, message: t('scanPoint.staffRequired') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={staffLoading}
                  options={(staff?.items ?? []).map((u) => ({
                    value: u.id,
                    label: `${u.displayName} (${u.username})`,
                  }))}
                  data-testid="scan-point-staff"
                />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item
              name="labelZh"
              label={t('scanPoint.labelZh')}
              extra={t('scanPoint.labelHint')}
              rules={[{ required: true, whitespace: true, message: t('scanPoint.labelRequired') }]}
            >
              <Input maxLength={SCAN_POINT_LIMITS.labelMax} showCount data-testid="scan-point-label-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="labelEn" label={t('scanPoint.labelEn')}>
              <Input
                maxLength={SCAN_POINT_LIMITS.labelMax}
                placeholder={t('common.optional')}
                data-testid="scan-point-label-en"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
