import { Alert, Button, Card, Cascader, Empty, Flex, Form, Input, Result, Spin, Steps, Tabs, Tag, Timeline, Typography } from 'antd';
import {
  BulbOutlined,
  CustomerServiceOutlined,
  FileSearchOutlined,
  LikeOutlined,
  SolutionOutlined,
  ToolOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  PORTAL_TYPES,
  type PortalOptions,
  type PortalStatus,
  type TicketState,
} from '@qloop/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { usePortalOptions, usePortalStatus, useSubmitPortalTicket } from '../../api/portal';
import { formatDateTime } from '../../components/format';
import { LanguageSwitch } from '../../components/language-switch';
import { LogoMark } from '../../components/logo';

type PortalType = (typeof PORTAL_TYPES)[number];
type Options = z.infer<typeof PortalOptions>;
interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

const TYPE_ICONS: Record<PortalType, ReactNode> = {
  complaint: <WarningOutlined />,
  fault: <ToolOutlined />,
  consultation: <CustomerServiceOutlined />,
  business: <SolutionOutlined />,
  suggestion: <BulbOutlined />,
  praise: <LikeOutlined />,
};

const CODE_RE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** Builds cascader options from a flat `{ id, parentId }` list; roots are items whose parent is not listed. */
function toTree(items: { id: string; name: string; nameEn: string | null; parentId: string | null }[], en: boolean) {
  const ids = new Set(items.map((i) => i.id));
  const byParent = new Map<string | null, typeof items>();
  for (const i of items) {
    const key = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), i]);
  }
  const build = (parent: string | null): CascaderOption[] =>
    (byParent.get(parent) ?? []).map((i) => {
      const children = build(i.id);
      return { value: i.id, label: (en && i.nameEn) || i.name, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

/** /portal: the public customer page, no sign-in. Phone first. */
export default function PortalPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('file');
  const [trackPrefill, setTrackPrefill] = useState<{ code: string; phone4: string } | null>(null);

  return (
    <div className="qloop-portal">
      <header className="qloop-portal-top">
        <Link to="/portal" className="qloop-portal-brand">
          <LogoMark size={28} />
          <span>
            <span className="qloop-portal-name">Qloop</span>
            <span className="qloop-portal-title">{t('portal.title')}</span>
          </span>
        </Link>
        <LanguageSwitch light />
      </header>
      <main className="qloop-portal-main">
        <Typography.Paragraph type="secondary" className="qloop-portal-subtitle">
          {t('portal.subtitle')}
        </Typography.Paragraph>
        <Card className="qloop-portal-card" variant="borderless">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            centered
            items={[
              {
                key: 'file',
                label: <span data-testid="portal-tab-file">{t('portal.tabFile')}</span>,
                children: (
                  <FilePanel
                    onTrack={(code, phone4) => {
                      setTrackPrefill({ code, phone4 });
                      setTab('track');
                    }}
                  />
                ),
              },
              {
                key: 'track',
                label: <span data-testid="portal-tab-track">{t('portal.tabTrack')}</span>,
                children: <TrackPanel key={trackPrefill?.code ?? ''} prefill={trackPrefill} />,
              },
            ]}
          />
        </Card>
      </main>
      <footer className="qloop-login-footer">{t('app.footer', { year: new Date().getFullYear() })}</footer>
    </div>
  );
}

/** The six request types as big buttons, a form control (value / onChange). */
function TypePicker({ value, onChange }: { value?: PortalType; onChange?: (v: PortalType) => void }) {
  const { t } = useTranslation();
  return (
    <div className="qloop-portal-types" role="radiogroup" data-testid="portal-type">
      {PORTAL_TYPES.map((type) => (
        <Button
          key={type}
          role="radio"
          aria-checked={value === type}
          type={value === type ? 'primary' : 'default'}
          ghost={value === type}
          icon={TYPE_ICONS[type]}
          onClick={() => onChange?.(type)}
          data-testid={`portal-type-${type}`}
        >
          {t(`ticketType.${type}`)}
        </Button>
      ))}
    </div>
  );
}

interface FileValues {
  type: PortalType;
  unit: string[];
  category: string[];
  title: string;
  description?: string;
  name?: string;
  phone: string;
}

function FilePanel({ onTrack }: { onTrack: (code: string, phone4: string) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const options = usePortalOptions();
  const submit = useSubmitPortalTicket();
  const [form] = Form.useForm<FileValues>();
  const [phone4, setPhone4] = useState('');

  const { units, categories } = useMemo(() => {
    const d: Options = options.data ?? { units: [], categories: [] };
    return { units: toTree(d.units, en), categories: toTree(d.categories, en) };
  }, [options.data, en]);

  const onFinish = (v: FileValues) => {
    setPhone4(v.phone.slice(-4));
    submit.mutate({
      type: v.type,
      orgUnitId: v.unit[v.unit.length - 1] ?? '',
      categoryId: v.category[v.category.length - 1] ?? '',
      title: v.title,
      description: v.description ?? '',
      name: v.name?.trim() ? v.name.trim() : undefined,
      phone: v.phone,
    });
  };

  if (submit.data) {
    const { no, trackingCode } = submit.data;
    return (
      <Result
        status="success"
        title={t('portal.submitted')}
        className="qloop-portal-result"
        data-testid="portal-receipt"
        subTitle={
          <div>
            {t('portal.ticketNo')}：<Typography.Text strong data-testid="portal-ticket-no">{no}</Typography.Text>
          </div>
        }
        extra={
          <Flex vertical gap={16} align="stretch">
            <div className="qloop-portal-code-box">
              <div className="qloop-portal-code-label">{t('portal.trackingCode')}</div>
              <Typography.Text
                className="qloop-portal-code"
                data-testid="portal-tracking-code"
                copyable={{ text: trackingCode, tooltips: [t('portal.copyCode'), t('common.copied')] }}
              >
                {trackingCode}
              </Typography.Text>
            </div>
            <Alert type="warning" showIcon title={t('portal.keepCode')} style={{ textAlign: 'start' }} />
            <Button type="primary" size="large" block onClick={() => onTrack(trackingCode, phone4)} data-testid="portal-track-now">
              {t('portal.trackNow')}
            </Button>
            <Button
              size="large"
              block
              onClick={() => {
                submit.reset();
                form.resetFields();
              }}
            >
              {t('portal.fileAnother')}
            </Button>
          </Flex>
        }
      />
    );
  }

  const err = submit.error;
  const errorText = !err
    ? null
    : err instanceof ApiError
      ? err.status === 429
        ? t('portal.tooMany')
        : err.code === 'NETWORK'
          ? t('errors.network')
          : err.message || t('errors.unknown')
      : t('errors.unknown');

  if (options.isPending) {
    return (
      <Flex justify="center" style={{ padding: 40 }}>
        <Spin />
      </Flex>
    );
  }
  if (options.isError) return <Alert type="error" showIcon title={t('portal.loadFailed')} />;

  const required = { required: true, message: t('portal.required') };
  return (
    <Form<FileValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={onFinish}
      initialValues={{ type: 'complaint' }}
      data-testid="portal-form"
      scrollToFirstError
    >
      <Form.Item name="type" label={t('portal.type')} rules={[required]}>
        <TypePicker />
      </Form.Item>
      <Form.Item name="unit" label={t('portal.unit')} rules={[required]}>
        <Cascader
          options={units}
          changeOnSelect
          placeholder={t('portal.unitPlaceholder')}
          classNames={{ popup: { root: 'qloop-portal-popup-unit' } }}
          showSearch
          expandTrigger="click"
        />
      </Form.Item>
      <Form.Item name="category" label={t('portal.category')} rules={[required]}>
        <Cascader
          options={categories}
          placeholder={t('portal.categoryPlaceholder')}
          classNames={{ popup: { root: 'qloop-portal-popup-category' } }}
          showSearch
          expandTrigger="click"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('portal.title_')}
        rules={[required, { min: 2, message: t('portal.titleMin') }, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}
      >
        <Input placeholder={t('portal.titlePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('portal.description')} rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}>
        <Input.TextArea placeholder={t('portal.descriptionPlaceholder')} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="name" label={`${t('portal.name')}（${t('common.optional')}）`} rules={[{ max: 40, message: t('validation.maxLength', { max: 40 }) }]}>
        <Input placeholder={t('portal.namePlaceholder')} maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('portal.phone')}
        rules={[required, { pattern: /^1\d{10}$/, message: t('validation.phone') }]}
      >
        <Input placeholder={t('portal.phonePlaceholder')} inputMode="numeric" maxLength={11} autoComplete="tel" />
      </Form.Item>
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="portal-error" />}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="portal-submit">
          {t('portal.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

interface TrackValues {
  code: string;
  phone4: string;
}

/** Main path of a request as the customer sees it; other states map onto it. */
const STEP_STATES = ['accepted', 'in_progress', 'answered', 'closed'] as const;
const STEP_OF: Partial<Record<TicketState, number>> = {
  accepted: 0,
  assigned: 0,
  in_progress: 1,
  pending: 1,
  answered: 2,
  follow_up: 2,
  closed: 3,
  archived: 3,
};

function TrackPanel({ prefill }: { prefill: { code: string; phone4: string } | null }) {
  const { t } = useTranslation();
  const status = usePortalStatus();
  const [form] = Form.useForm<TrackValues>();

  const onFinish = (v: TrackValues) => status.mutate({ code: v.code.trim().toUpperCase(), phone4: v.phone4.trim() });

  const err = status.error;
  const errorText = !err
    ? null
    : err instanceof ApiError
      ? err.status === 404
        ? t('portal.notFound')
        : err.status === 429
          ? t('portal.tooMany')
          : err.code === 'NETWORK'
            ? t('errors.network')
            : err.message || t('errors.unknown')
      : t('errors.unknown');

  return (
    <div>
      <Form<TrackValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={prefill ?? undefined}
        data-testid="portal-track-form"
      >
        <Form.Item
          name="code"
          label={t('portal.code')}
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, message: t('portal.required') },
            { validator: (_r, v: string | undefined) => (!v || CODE_RE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('portal.codeInvalid')))) },
          ]}
        >
          <Input placeholder={t('portal.codePlaceholder')} maxLength={10} autoCapitalize="characters" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone4"
          label={t('portal.phone4')}
          rules={[
            { required: true, message: t('portal.required') },
            { pattern: /^\d{4}$/, message: t('portal.phone4Invalid') },
          ]}
        >
          <Input placeholder={t('portal.phone4Placeholder')} inputMode="numeric" maxLength={4} autoComplete="off" />
        </Form.Item>
        {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} data-testid="portal-track-error" />}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block icon={<FileSearchOutlined />} loading={status.isPending} data-testid="portal-track-submit">
            {t('portal.track')}
          </Button>
        </Form.Item>
      </Form>
      {status.data && !status.isPending && <StatusView status={status.data} />}
    </div>
  );
}

function StatusView({ status }: { status: PortalStatus }) {
  const { t } = useTranslation();
  const step = STEP_OF[status.state];
  const ended = status.state === 'cancelled' || status.state === 'merged';
  const replies = status.timeline.filter((e) => e.kind === 'reply' && e.body);
  return (
    <div className="qloop-portal-status" data-testid="portal-status">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portal.ticketNo')}
          </Typography.Text>
          <div className="qloop-portal-status-no" data-testid="portal-status-no">
            {status.no}
          </div>
        </div>
        <Tag color={ended ? 'default' : status.state === 'closed' ? 'green' : 'blue'} data-testid="portal-status-state">
          {status.state === 'pending' ? t('portal.waiting') : t(`ticketState.${status.state}`)}
        </Tag>
      </Flex>
      <Typography.Title level={5} style={{ margin: '8px 0 4px', overflowWrap: 'anywhere' }}>
        {status.title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.filedAt')} {formatDateTime(status.createdAt)}
      </Typography.Text>
      {!ended && step !== undefined && (
        <Steps
          type="dot"
          size="small"
          titlePlacement="vertical"
          responsive={false}
          current={step}
          style={{ margin: '20px 0 8px' }}
          items={STEP_STATES.map((s, i) => ({
            title: i === 1 && status.state === 'pending' ? t('portal.waiting') : t(`ticketState.${s}`),
            status: i < step || (i === 3 && step === 3) ? 'finish' : i === step ? (status.state === 'pending' ? 'wait' : 'process') : 'wait',
          }))}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('portal.replies')}
      </Typography.Title>
      {replies.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.noReplies')} />
      ) : (
        <Timeline
          items={replies.map((r, i) => ({
            key: `${r.at}-${i}`,
            content: (
              <div data-testid="portal-reply">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(r.at)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.body}</div>
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
