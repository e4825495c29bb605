import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Indicator, IndicatorUnitSetting } from '@qloop/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { useApiError } from '../../api/use-api-error';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { useOrgName } from '../../components/org-tree';
import { useDeleteIndicatorSettings, useIndicatorSettings, useSaveIndicatorSettings } from './api';
import { withUnit } from './formula-text';
import { ThresholdFields, toSettingsBody } from './threshold-fields';
import { ThresholdsTags } from './thresholds-tags';

type Values = Parameters<typeof toSettingsBody>[0];

/**
 * An indicator's target and thresholds by org unit: pick a unit, see what holds for it and where
 * that comes from (its own setting, an ancestor's, or the defaults); with indicators:manage give it
 * its own or remove it. The units that have their own are listed below; a click picks one.
 */
export function SettingsDrawer({
  ind,
  manage,
  onClose,
}: {
  ind: Indicator | null;
  manage: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const name = ind ? (i18n.language.startsWith('zh') ? ind.nameZh : ind.nameEn) : '';
  return (
    <Drawer
      open={!!ind}
      onClose={onClose}
      size={760}
      title={t('indicatorLib.settingsTitle', { name })}
      destroyOnHidden
      data-testid="settings-drawer"
    >
      {/* keyed: each indicator opens at the reader's own unit */}
      {ind && <SettingsBody key={ind.key} ind={ind} manage={manage} />}
    </Drawer>
  );
}

function SettingsBody({ ind, manage }: { ind: Indicator; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const orgName = useOrgName();
  const { message } = App.useApp();
  const showError = useApiError();
  const [unitId, setUnitId] = useState<string>(me.orgUnitId);
  const [form] = Form.useForm<Values>();
  const { data: view, isLoading } = useIndicatorSettings(ind.key, unitId);
  const save = useSaveIndicatorSettings();
  const remove = useDeleteIndicatorSettings();
  const own: IndicatorUnitSetting | undefined = view?.items.find((s) => s.orgUnitId === unitId);
  const eff = view?.effective.orgUnitId === unitId ? view.effective : undefined;

  // the form starts from what holds for the unit: its own setting, or the inherited one to adjust
  useEffect(() => {
    if (eff) form.setFieldsValue({ target: eff.target, thresholds: eff.thresholds });
  }, [eff, form]);

  const nameOf = (id: string | null) => {
    const s = view?.items.find((x) => x.orgUnitId === id);
    return s ? orgName({ name: s.orgUnitName, nameEn: s.orgUnitNameEn }) : '';
  };
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'CONFLICT') {
      void message.warning(t('indicatorLib.conflict'));
      return;
    }
    showError(e, form);
  };
  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    save.mutate(
      { key: ind.key, orgUnitId: unitId, ...toSettingsBody(v), ...(own ? { version: own.version } : {}) },
      { onSuccess: () => void message.success(t('common.saved')), onError },
    );
  };

  return (
    <Flex vertical gap={16}>
      {!manage && <Alert type="info" showIcon title={t('indicatorLib.readOnly')} />}
      <Flex align="center" gap={8}>
        <Typography.Text>{t('indicatorLib.pickUnit')}</Typography.Text>
        <OrgUnitTreeSelect
          value={unitId}
          onChange={(v) => setUnitId(v)}
          style={{ width: 320 }}
          data-testid="settings-unit"
        />
      </Flex>
      <Card size="small" title={t('indicatorLib.effective')} data-testid="settings-effective">
        {isLoading || !eff ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : (
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'target',
                label: t('indicatorLib.target'),
                children: withUnit(eff.target, ind, i18n.language),
              },
              {
                key: 'thresholds',
                label: t('indicatorLib.thresholds'),
                children: <ThresholdsTags thresholds={eff.thresholds} ind={ind} />,
              },
              {
                key: 'source',
                label: t('indicatorLib.source'),
                children: (
                  <Tag
                    color={eff.source === 'own' ? 'blue' : eff.source === 'inherited' ? 'purple' : 'default'}
                    data-testid="settings-source"
                  >
                    {eff.source === 'inherited'
                      ? t('indicatorLib.source_inherited', { unit: nameOf(eff.fromOrgUnitId) })
                      : t(`indicatorLib.source_${eff.source}`)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Card>
      {manage && (
        <Card size="small" title={own ? t('indicatorLib.ownSetting') : t('indicatorLib.newOwn')}>
          <Form form={form} layout="vertical" requiredMark={false}>
            <ThresholdFields direction={ind.direction} unit={ind.unit} />
          </Form>
          <Space>
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={save.isPending}
              data-testid="settings-save"
            >
              {t('indicatorLib.saveOwn')}
            </Button>
            {own && (
              <Popconfirm
                title={t('indicatorLib.removeOwnConfirm', { unit: nameOf(unitId) })}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutate(
                    { key: ind.key, orgUnitId: unitId, version: own.version },
                    { onSuccess: () => void message.success(t('indicatorLib.removed')), onError },
                  )
                }
              >
                <Button danger loading={remove.isPending} data-testid="settings-remove">
                  {t('indicatorLib.removeOwn')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      )}
      <div>
        <Typography.Title level={5}>{t('indicatorLib.unitsWithOwn')}</Typography.Title>
        <Table<IndicatorUnitSetting>
          rowKey="orgUnitId"
          size="small"
          pagination={false}
          dataSource={view?.items ?? []}
          data-testid="settings-units"
          onRow={(s) => ({ onClick: () => setUnitId(s.orgUnitId), style: { cursor: 'pointer' } })}
          rowClassName={(s) => (s.orgUnitId === unitId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('indicatorLib.pickUnit'),
              key: 'unit',
              render: (_, s) => (
                <Typography.Link>{orgName({ name: s.orgUnitName, nameEn: s.orgUnitNameEn })}</Typography.Link>
              ),
            },
            {
              title: t('indicatorLib.target'),
              key: 'target',
              width: 110,
              render: (_, s) => withUnit(s.target, ind, i18n.language),
            },
            {
              title: t('indicatorLib.thresholds'),
              key: 'thresholds',
              render: (_, s) => <ThresholdsTags thresholds={s.thresholds} ind={ind} />,
            },
          ]}
        />
      </div>
    </Flex>
  );
}
