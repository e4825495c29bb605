import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Table } from 'antd';
import { CAMPAIGN_LIMITS, CAMPAIGN_RECURRENCES, type Campaign, type CampaignPreview, type CampaignSave } from '@qloop/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreviewCampaign, useSaveCampaign } from '../../api/survey-campaigns';
import { useSurveys } from '../../api/surveys';
import { useApiError } from '../../api/use-api-error';
import { FormModal } from '../../components/form-modal';
import { useOrgUnitNameOf } from '../../components/org-unit-name';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useSaveAndClose } from '../../components/use-save-and-close';

type Values = Omit<CampaignSave, 'nextRunAt'> & { nextRunAt?: Dayjs | null };

const toBody = (v: Values): CampaignSave => ({ ...v, nextRunAt: v.nextRunAt ? v.nextRunAt.toISOString() : null });

/**
 * 新建/编辑测评活动: who is sampled (unit, tiers, recent customers), how many (size, bounds per
 * unit), how they are asked and when. 预览抽样 shows each unit's population and quota before saving,
 * so an impossible sample is found here rather than at the first run.
 */
export function CampaignFormModal({ open, campaign, onClose }: { open: boolean; campaign: Campaign | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaign();
  const preview = usePreviewCampaign();
  const showError = useApiError();
  const saveAndClose = useSaveAndClose(form, onClose);
  const [shown, setShown] = useState<CampaignPreview | null>(null);
  const surveys = useSurveys({ page: 1, pageSize: 100, state: 'published', sort: 'code' });

  const initial: Partial<Values> = campaign
    ? { ...campaign, tiers: campaign.tiers as Values['tiers'], nextRunAt: campaign.nextRunAt ? dayjs(campaign.nextRunAt) : null }
    : { tiers: [], channel: 'sms', expiresInDays: 7, cooldownDays: 30, recurrence: 'once', active: true, sampleSize: 200, activeWithinDays: null, minPerStratum: null, maxPerStratum: null };

  const runPreview = async () => {
    const v = await form.validateFields();
    setShown(null);
    preview.mutate(toBody(v), { onSuccess: setShown, onError: (e) => showError(e, form) });
  };

  return (
    <FormModal
      form={form}
      open={open}
      width={760}
      title={campaign ? t('campaign.editTitle') : t('campaign.createTitle')}
      onClose={() => {
        setShown(null);
        onClose();
      }}
      saving={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setShown(null)}
        onFinish={(v) => save.mutate({ id: campaign?.id, rowVersion: campaign?.rowVersion, body: toBody(v) }, saveAndClose(t('common.saved')))}
        data-testid="campaign-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('campaign.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={CAMPAIGN_LIMITS.nameMax} placeholder={t('campaign.namePlaceholder')} data-testid="campaign-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="surveyId" label={t('campaign.survey')} rules={[{ required: true }]} extra={t('campaign.surveyHint')}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={surveys.isLoading}
                options={(surveys.data?.items ?? []).map((s) => ({ value: s.id, label: `${en ? s.nameEn : s.nameZh} (${s.code})` }))}
                data-testid="campaign-survey"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgUnitId" label={t('campaign.orgUnit')} rules={[{ required: true }]} extra={t('campaign.orgUnitHint')}>
              <OrgUnitTreeSelect data-testid="campaign-org-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tiers" label={t('campaign.tiers')} extra={t('campaign.tiersHint')}>
              <Checkbox.Group options={[{ value: 'vip', label: 'VIP' }, { value: 'normal', label: t('campaign.tierNormal') }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sampleSize" label={t('campaign.sampleSize')} rules={[{ required: true }]}>
              <InputNumber min={1} max={CAMPAIGN_LIMITS.sampleSizeMax} precision={0} style={{ width: '100%' }} data-testid="campaign-sample-size" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="minPerStratum" label={t('campaign.minPerStratum')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder={t('campaign.noBound')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="maxPerStratum" label={t('campaign.maxPerStratum')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder={t('campaign.noBound')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="activeWithinDays" label={t('campaign.activeWithinDays')} extra={t('campaign.activeWithinDaysHint')}>
              <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} placeholder={t('campaign.everyone')} addonAfter={t('campaign.days')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cooldownDays" label={t('campaign.cooldownDays')} extra={t('campaign.cooldownHint')}>
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} addonAfter={t('campaign.days')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="expiresInDays" label={t('campaign.expiresInDays')}>
              <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} addonAfter={t('campaign.days')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label={t('campaign.channel')}>
              <Radio.Group options={[{ value: 'sms', label: t('campaign.channel_sms') }, { value: 'link', label: t('campaign.channel_link') }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="recurrence" label={t('campaign.recurrence')}>
              <Select options={CAMPAIGN_RECURRENCES.map((r) => ({ value: r, label: t(`campaign.recurrence_${r}`) }))} data-testid="campaign-recurrence" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nextRunAt" label={t('campaign.nextRunAt')} extra={t('campaign.nextRunAtHint')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="active" label={t('campaign.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Button onClick={() => void runPreview()} loading={preview.isPending} data-testid="campaign-preview">
        {t('campaign.preview')}
      </Button>
      {shown && (
        <div style={{ marginTop: 12 }} data-testid="campaign-preview-result">
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('campaign.previewSummary', { population: shown.population.toLocaleString(), sampled: shown.sampled.toLocaleString() })} />
          <StrataTable strata={shown.strata} />
        </div>
      )}
    </FormModal>
  );
}

/** Population, exact share and whole quota of each unit (the sample's strata). */
export function StrataTable({ strata }: { strata: CampaignPreview['strata'] }) {
  const { t } = useTranslation();
  const unitName = useOrgUnitNameOf();
  const num = { align: 'right' as const, render: (n: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.toLocaleString()}</span> };
  return (
    <Table
      size="small"
      rowKey="orgUnitId"
      pagination={false}
      dataSource={strata}
      columns={[
        { title: t('campaign.stratum'), dataIndex: 'orgUnitId', render: (id: string, s) => unitName(id) ?? s.orgUnitName },
        { title: t('campaign.population'), dataIndex: 'population', ...num },
        { title: t('campaign.share'), dataIndex: 'share', align: 'right', render: (n: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.toFixed(2)}</span> },
        { title: t('campaign.quota'), dataIndex: 'quota', ...num },
      ]}
    />
  );
}
