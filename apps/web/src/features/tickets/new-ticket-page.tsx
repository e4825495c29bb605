import {
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { CloseCircleFilled, SearchOutlined, UserOutlined } from '@ant-design/icons';
import {
  CHANNELS,
  LIMITS,
  PRIORITIES,
  REQUEST_TYPES,
  TICKET_LIMITS,
  type Channel,
  type CreateTicketBody,
  type Customer,
  type Priority,
  type RequestType,
} from '@qloop/contracts';
import { useDeferredValue, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { useCreateTicket, useCustomerSearch } from '../../api/tickets';
import { useApiError } from '../../api/use-api-error';
import { useOrgUnitScope } from '../../components/org-unit-context';
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select';
import { PageHeader } from '../../components/page-header';
import { useCategoryTree } from './categories';

interface Values {
  phone?: string;
  name?: string;
  customerNo?: string;
  type: RequestType;
  channel: Channel;
  priority: Priority;
  categoryId?: string;
  orgUnitId: string;
  title?: string;
  description?: string;
  escalated: boolean;
  escalationSource?: string;
  regulatorAppeal: boolean;
  groupComplaint: boolean;
  changesService: boolean;
}

const PHONE = /^1\d{10}$|^0\d{9,11}$/;

/** crypto.randomUUID needs a secure context; an intranet served over plain http still gets a key. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * 受理工单: the agent's entry form, keyboard-first. The customer is looked up as one types (phone
 * prefix, customer number or name); a number nobody has yet simply becomes a new customer. Tab
 * moves through the fields in reading order; Ctrl+Enter submits anywhere, Enter submits in the
 * last field (Shift+Enter for a new line there). One idempotency key per form session: a double
 * click or a retried request never creates a second ticket.
 */
export default function NewTicketPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const { orgUnitId } = useOrgUnitScope();
  const categories = useCategoryTree(true);
  const create = useCreateTicket();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [picked, setPicked] = useState<Customer | null>(null);
  const [lookup, setLookup] = useState('');
  const deferred = useDeferredValue(lookup);
  const { data: matches, isFetching: searching } = useCustomerSearch(picked ? '' : deferred);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const type = Form.useWatch('type', form);
  const escalated = Form.useWatch('escalated', form);
  const busy = create.isPending;

  const pick = (c: Customer) => {
    setPicked(c);
    form.setFieldsValue({ phone: c.phone ?? '', name: c.name ?? '', customerNo: c.customerNo ?? '' });
    form.setFields([{ name: 'phone', errors: [] }]);
  };
  const unpick = () => {
    setPicked(null);
    setLookup('');
    form.setFieldsValue({ phone: '', name: '', customerNo: '' });
  };

  const submit = async (v: Values) => {
    if (busy) return;
    let customer: z.input<typeof CreateTicketBody>['customer'];
    if (picked) {
      // the customer picked in the look-up, by id: no need to reveal a masked phone
      customer = { id: picked.id, name: v.name?.trim() || undefined };
    } else {
      customer = {
        phone: v.phone?.trim() || undefined,
        name: v.name?.trim() || undefined,
        customerNo: v.customerNo?.trim() || undefined,
      };
    }
    const body: z.input<typeof CreateTicketBody> = {
      type: v.type,
      channel: v.channel,
      priority: v.priority,
      title: v.title?.trim() ?? '',
      description: v.description?.trim() ?? '',
      categoryId: v.categoryId ?? '',
      orgUnitId: v.orgUnitId,
      customer,
      escalated: v.escalated,
      escalationSource: v.escalated ? v.escalationSource?.trim() || undefined : undefined,
      regulatorAppeal: v.regulatorAppeal,
      groupComplaint: v.groupComplaint,
      changesService: v.type === 'business' && v.changesService,
    };
    create.mutate(
      { body, idempotencyKey },
      {
        onSuccess: (ticket) => {
          void message.success(t('intake.created', { no: ticket.no }));
          navigate(`/tickets/${ticket.id}`, { state: { created: ticket.no } });
        },
        onError: (e) => showError(e, form),
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return; // an IME still composing Chinese owns Enter
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <>
      <PageHeader title={t('intake.pageTitle')} subtitle={t('intake.subtitle')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onKeyDown={onKeyDown}
        initialValues={{
          type: 'complaint',
          channel: 'hotline',
          priority: 'normal',
          orgUnitId,
          escalated: false,
          regulatorAppeal: false,
          groupComplaint: false,
          changesService: false,
        }}
        requiredMark
        data-testid="intake-form"
      >
        <Card className="qloop-intake">
          <Typography.Title level={5} className="qloop-section-title">
            {t('intake.customerSection')}
          </Typography.Title>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name="phone"
                label={t('intake.lookup')}
                extra={picked ? undefined : lookup.trim().length >= 2 && !searching && matches?.length === 0 ? t('intake.noMatch') : t('intake.lookupHint')}
                rules={[
                  {
                    validator: (_, v: string | undefined) => {
                      if (picked) return Promise.resolve();
                      const phone = v?.trim();
                      const no = (form.getFieldValue('customerNo') as string | undefined)?.trim();
                      if (!phone && !no) return Promise.reject(new Error(t('intake.needCustomer')));
                      if (phone && !PHONE.test(phone)) return Promise.reject(new Error(t('validation.phone')));
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <AutoComplete
                  autoFocus
                  disabled={!!picked}
                  placeholder={t('intake.lookupPlaceholder')}
                  onSearch={setLookup}
                  onSelect={(id: string) => {
                    const c = matches?.find((m) => m.id === id);
                    // after the AutoComplete has written the option's value into the field
                    if (c) setTimeout(() => pick(c));
                  }}
                  options={(matches ?? []).map((c) => ({
                    value: c.id,
                    label: (
                      <Flex justify="space-between" gap={8} data-testid="customer-option">
                        <span>
                          {c.name ?? t('ticket.anonymous')}
                          {c.tier === 'vip' && (
                            <Tag color="gold" style={{ marginInlineStart: 6 }}>
                              VIP
                            </Tag>
                          )}
                        </span>
                        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {[c.phone, c.customerNo].filter(Boolean).join(' · ')}
                        </Typography.Text>
                      </Flex>
                    ),
                  }))}
                  popupMatchSelectWidth={380}
                  data-testid="intake-phone"
                >
                  <Input prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />} maxLength={40} allowClear />
                </AutoComplete>
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="name" label={t('intake.customerName')} rules={[{ max: LIMITS.nameMax }]}>
                <Input disabled={!!picked && !!picked.name} maxLength={LIMITS.nameMax} data-testid="intake-name" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="customerNo" label={t('intake.customerNo')} rules={[{ max: 40 }]}>
                <Input disabled={!!picked} maxLength={40} onChange={() => void form.validateFields(['phone']).catch(() => {})} />
              </Form.Item>
            </Col>
          </Row>
          {picked && (
            <div className="qloop-picked-customer" data-testid="picked-customer">
              <UserOutlined style={{ color: '#1677ff' }} />
              <Typography.Text strong>{picked.name ?? t('ticket.anonymous')}</Typography.Text>
              {picked.tier === 'vip' ? <Tag color="gold">{t('ticket.tierVip')}</Tag> : <Tag>{t('ticket.tierNormal')}</Tag>}
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {[picked.phone, picked.customerNo].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Button type="link" size="small" icon={<CloseCircleFilled />} onClick={unpick} style={{ marginInlineStart: 'auto' }}>
                {t('intake.clearCustomer')}
              </Button>
            </div>
          )}

          <Divider style={{ margin: '8px 0 16px' }} />
          <Typography.Title level={5} className="qloop-section-title">
            {t('intake.requestSection')}
          </Typography.Title>
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item name="type" label={t('intake.type')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`ticketType.${v}`) }))}
                  data-testid="intake-type"
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="priority" label={t('intake.priority')} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={PRIORITIES.map((v) => ({ value: v, label: t(`priority.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="channel" label={t('intake.channel')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={CHANNELS.map((v) => ({ value: v, label: t(`channel.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="categoryId" label={t('intake.category')} rules={[{ required: true }]}>
                <TreeSelect<string>
                  showSearch
                  treeData={categories.tree}
                  treeNodeFilterProp="path"
                  treeNodeLabelProp="path"
                  treeExpandAction="click"
                  placeholder={t('intake.categoryPlaceholder')}
                  loading={categories.loading}
                  popupMatchSelectWidth
                  listHeight={320}
                  data-testid="intake-category"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="orgUnitId" label={t('intake.orgUnit')} rules={[{ required: true }]}>
                <OrgUnitTreeSelect popupMatchSelectWidth={260} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item style={{ marginBottom: 12 }}>
                <Flex gap={20} wrap align="center" style={{ minHeight: 32 }}>
                  <Typography.Text type="secondary">{t('intake.flagsSection')}</Typography.Text>
                  <Flex gap={8} align="center">
                    <Form.Item name="escalated" valuePropName="checked" noStyle>
                      <Switch size="small" id="escalated" />
                    </Form.Item>
                    <label htmlFor="escalated">{t('intake.escalated')}</label>
                  </Flex>
                  <Form.Item name="regulatorAppeal" valuePropName="checked" noStyle>
                    <Checkbox>{t('intake.regulatorAppeal')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="groupComplaint" valuePropName="checked" noStyle>
                    <Checkbox data-testid="intake-group-complaint">{t('intake.groupComplaint')}</Checkbox>
                  </Form.Item>
                  {type === 'business' && (
                    <Form.Item name="changesService" valuePropName="checked" noStyle>
                      <Checkbox>
                        {t('intake.changesService')}
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                          （{t('intake.changesServiceHint')}）
                        </Typography.Text>
                      </Checkbox>
                    </Form.Item>
                  )}
                </Flex>
              </Form.Item>
            </Col>
            {escalated && (
              <Col span={24}>
                <Form.Item name="escalationSource" label={t('intake.escalationSource')} rules={[{ max: 100 }]}>
                  <Input maxLength={100} placeholder={t('intake.escalationSourcePlaceholder')} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="title" label={t('intake.title')} rules={[{ required: true, whitespace: true }, { max: TICKET_LIMITS.titleMax }]}>
                <Input
                  maxLength={TICKET_LIMITS.titleMax}
                  placeholder={t('intake.titlePlaceholder')}
                  data-testid="intake-title"
                  onPressEnter={(e) => {
                    if (e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
                    e.preventDefault();
                    descriptionRef.current?.focus();
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('intake.description')} rules={[{ max: TICKET_LIMITS.descriptionMax }]}>
                <Input.TextArea
                  ref={(el) => {
                    descriptionRef.current = el?.resizableTextArea?.textArea ?? null;
                  }}
                  autoSize={{ minRows: 3, maxRows: 12 }}
                  maxLength={TICKET_LIMITS.descriptionMax}
                  placeholder={t('intake.descriptionPlaceholder')}
                  data-testid="intake-description"
                  onKeyDown={(e) => {
                    // the last field: Enter submits, Shift+Enter is a new line
                    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      form.submit();
                    }
                  }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={12} align="center" className="qloop-intake-footer">
            <Button type="primary" onClick={() => form.submit()} loading={busy} data-testid="intake-submit">
              {t('intake.submit')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                unpick();
              }}
              disabled={busy}
            >
              {t('common.reset')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('intake.submitHint')}
            </Typography.Text>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
