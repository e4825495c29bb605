import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Row,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { SurveyContent, SurveyDetail, SurveyVersion } from '@qloop/contracts';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DetailFallback } from '../../components/detail-fallback';
import { useSaveSurveyDraft, useSurvey, useSurveyAction, useSurveyVersion } from '../../api/surveys';
import { useCategories } from '../../api/tickets';
import { formatDateTime } from '../../components/format';
import { RefreshButton } from '../../components/refresh-button';
import { useCan } from '../../components/require-permission';
import { elementLabel } from './element-tree';
import { fromContent, sameContent, toContent, type SurveyDraft } from './survey-draft';
import { SurveyEditor, useEditorIssues } from './survey-editor';
import { checkContent } from './survey-issues';
import { PreviewCard } from './survey-preview';
import { QuestionTypeTag, SurveyStateTag } from './survey-tags';
import { useSurveyError } from './use-survey-error';

type TabKey = 'current' | 'draft' | 'history';

/** Below the app's sticky header (56) and the draft's sticky toolbar (.qloop-survey-toolbar, 53), with a gap. */
const STICKY_BELOW_TOOLBAR = 56 + 53 + 12;

/**
 * 问卷详情: the survey's header (code, state, versions) and three tabs — 当前版本 (the published
 * content as respondents read it), 草稿 (the editor, for surveys:manage; read-only for others) and
 * 版本历史 (every published version with its answers, each readable). The actions its state and
 * the reader's permission allow: edit, save, publish, discard the draft, retire, reinstate.
 */
export default function SurveyPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { data: survey, error, isLoading, isFetching, refetch } = useSurvey(id);

  if (!survey) {
    return (
      <DetailFallback
        loading={isLoading}
        error={error}
        notFoundTitle={t('survey.notFound')}
        backLabel={t('survey.back')}
        backTo="/surveys"
        refetch={refetch}
      />
    );
  }
  return <SurveyView survey={survey} refetch={refetch} fetching={isFetching} />;
}

function SurveyView({
  survey,
  refetch,
  fetching,
}: {
  survey: SurveyDetail;
  refetch: () => Promise<unknown>;
  fetching: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const manage = useCan()('surveys:manage');
  const { message, modal } = App.useApp();
  const handle = useSurveyError();
  const action = useSurveyAction(survey.id);
  const [tab, setTab] = useState<TabKey>(
    survey.draft && manage ? 'draft' : survey.published ? 'current' : 'draft',
  );
  // "edit" on a published survey without a draft: the editor starts from the published content; saving creates the draft
  const [editingNew, setEditingNew] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const next = survey.draftVersion ?? (survey.publishedVersion ?? 0) + 1;
  const showDraftTab = !!survey.draft || (manage && !!survey.published);

  const startEdit = () => {
    setEditingNew(true);
    setTab('draft');
  };
  const lifecycle = (kind: 'retire' | 'reinstate') =>
    action.mutateAsync({ action: kind, rowVersion: survey.rowVersion }).then(
      () => void message.success(t(kind === 'retire' ? 'survey.retiredOk' : 'survey.reinstatedOk')),
      (e: unknown) => handle(e),
    );
  const retire = () =>
    modal.confirm({
      title: t('survey.retireTitle'),
      content: t('survey.retireBody'),
      okText: t('survey.retire'),
      okButtonProps: { danger: true, 'data-testid': 'survey-retire-ok' },
      cancelText: t('common.cancel'),
      onOk: () => lifecycle('retire'),
    });

  const meta = [
    survey.publishedVersion !== null ? t('survey.metaPublished', { v: survey.publishedVersion }) : null,
    survey.draftVersion !== null ? t('survey.metaDraft', { v: survey.draftVersion }) : null,
  ].filter(Boolean);

  return (
    <>
      <Link to="/surveys" className="qloop-back-link">
        <ArrowLeftOutlined /> {t('survey.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} style={{ margin: '8px 0 12px' }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <SurveyStateTag state={survey.state} testId="survey-state" />
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }} data-testid="survey-code">
              {survey.code}
            </Typography.Text>
            {meta.map((m) => (
              <Tag key={m} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="survey-version-tag">
                {m}
              </Tag>
            ))}
          </Flex>
          <Typography.Title level={4} style={{ margin: '8px 0 0' }} data-testid="page-title">
            {en ? survey.nameEn : survey.nameZh}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {t('survey.headerMeta', {
              questions: survey.questions,
              responses: survey.responses.toLocaleString(),
              at: formatDateTime(survey.updatedAt),
            })}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap justify="flex-end" style={{ flexShrink: 0 }} data-testid="survey-actions">
          <RefreshButton refetch={refetch} fetching={fetching} />
          {manage && survey.published && !survey.draft && !editingNew && (
            <Button type="primary" icon={<EditOutlined />} onClick={startEdit} data-testid="survey-edit">
              {t('survey.edit')}
            </Button>
          )}
          {manage && survey.state === 'published' && (
            <Button danger icon={<StopOutlined />} onClick={retire} data-testid="survey-retire">
              {t('survey.retire')}
            </Button>
          )}
          {manage && survey.state === 'retired' && (
            <Button
              icon={<UndoOutlined />}
              loading={action.isPending && action.variables?.action === 'reinstate'}
              onClick={() => void lifecycle('reinstate')}
              data-testid="survey-reinstate"
            >
              {t('survey.reinstate')}
            </Button>
          )}
        </Flex>
      </Flex>
      {survey.state === 'retired' && (
        <Alert type="warning" showIcon title={t('survey.retiredBanner')} style={{ marginBottom: 12 }} />
      )}

      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: 'current',
            label: (
              <span data-testid="tab-current">
                {t('survey.tabCurrent')}
                {survey.publishedVersion !== null && ` v${survey.publishedVersion}`}
              </span>
            ),
            children: survey.published ? (
              <VersionView version={survey.published} current aside={!manage && <ReadOnlyNote />} />
            ) : (
              <Card>
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    <>
                      <div>{t('survey.notPublished')}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('survey.notPublishedHint')}
                      </Typography.Text>
                    </>
                  }
                />
              </Card>
            ),
          },
          ...(showDraftTab
            ? [
                {
                  key: 'draft',
                  label: (
                    <span data-testid="tab-draft">
                      {t('survey.tabDraft')}
                      {(survey.draft || editingNew) && ` v${next}`}
                    </span>
                  ),
                  children: !manage ? (
                    survey.draft && (
                      <VersionView
                        version={survey.draft}
                        aside={<Alert type="info" showIcon title={t('survey.draftReadOnly')} />}
                      />
                    )
                  ) : survey.draft || editingNew ? (
                    <DraftPanel
                      key={`${survey.id}:${survey.rowVersion}`}
                      survey={survey}
                      isNew={!survey.draft}
                      onCancelNew={() => {
                        setEditingNew(false);
                        setTab('current');
                      }}
                      onDone={(to) => {
                        setEditingNew(false);
                        if (to) setTab(to);
                      }}
                    />
                  ) : (
                    <Card>
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={
                          <>
                            <div>{t('survey.noDraft')}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('survey.noDraftHint', { v: survey.publishedVersion, next })}
                            </Typography.Text>
                          </>
                        }
                      >
                        <Button type="primary" icon={<EditOutlined />} onClick={startEdit}>
                          {t('survey.editFrom', { v: survey.publishedVersion })}
                        </Button>
                      </Empty>
                    </Card>
                  ),
                },
              ]
            : []),
          {
            key: 'history',
            label: (
              <span data-testid="tab-history">
                {t('survey.tabHistory')} ({survey.history.length})
              </span>
            ),
            children: <HistoryTable survey={survey} onView={setViewing} />,
          },
        ]}
      />
      <VersionDrawer
        surveyId={survey.id}
        version={viewing}
        current={survey.publishedVersion}
        onClose={() => setViewing(null)}
      />
    </>
  );
}

function ReadOnlyNote() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      title={t('survey.readOnly', { permission: t('permission.surveys:manage') })}
    />
  );
}

/** What a version holds at a glance: its questions by type, the elements and dimensions it measures. */
function VersionFacts({
  version,
  current,
  wide,
}: {
  version: SurveyVersion;
  current?: boolean;
  wide?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { data: categories } = useCategories();
  const c = version.content;
  const elements = [...new Set(c.questions.flatMap((q) => (q.elementId ? [q.elementId] : [])))];
  const dimensions = [...new Set(c.questions.flatMap((q) => (q.dimension ? [q.dimension] : [])))];
  const types = [...new Set(c.questions.map((q) => q.type))];
  const d = (label: string, children: ReactNode) => ({ key: label, label, children });
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <span>v{version.version}</span>
          {current && (
            <Tag color="success" bordered={false}>
              {t('survey.current')}
            </Tag>
          )}
          {!version.publishedAt && <Tag color="gold">{t('survey.state_draft')}</Tag>}
        </Flex>
      }
      style={{ marginBottom: 12 }}
      data-testid="version-facts"
    >
      <Descriptions
        column={1}
        size="small"
        // in the narrow side column labels go above their values, so long type names and element lists fit
        layout={wide ? 'horizontal' : 'vertical'}
        styles={{ label: wide ? { width: en ? 160 : 120, whiteSpace: 'nowrap' } : { paddingBottom: 2 } }}
        items={[
          ...(version.publishedAt ? [d(t('survey.publishedAt'), formatDateTime(version.publishedAt))] : []),
          d(
            t('survey.responses'),
            <span data-testid="version-responses">{version.responses.toLocaleString()}</span>,
          ),
          d(
            t('survey.questions'),
            <Flex gap={4} wrap>
              {c.questions.length} ·{' '}
              {types.map((type) => (
                <QuestionTypeTag key={type} type={type} />
              ))}
            </Flex>,
          ),
          ...(elements.length
            ? [
                d(
                  t('survey.element'),
                  <Flex gap={4} wrap>
                    {elements.map((id) => (
                      <Tag key={id} color="blue" style={{ marginInlineEnd: 0 }}>
                        {elementLabel(categories ?? [], id, en) ?? '…'}
                      </Tag>
                    ))}
                  </Flex>,
                ),
              ]
            : []),
          ...(dimensions.length
            ? [
                d(
                  t('survey.dimension'),
                  <Flex gap={4} wrap>
                    {dimensions.map((x) => (
                      <Tag key={x} color="purple" style={{ marginInlineEnd: 0 }}>
                        {t(`survey.dim_${x}`)}
                      </Tag>
                    ))}
                  </Flex>,
                ),
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** A version read-only: as respondents read it, with its facts beside. */
function VersionView({
  version,
  current,
  aside,
}: {
  version: SurveyVersion;
  current?: boolean;
  aside?: ReactNode;
}) {
  return (
    <Row gutter={16} align="top">
      <Col span={16}>
        <PreviewCard content={version.content} />
      </Col>
      <Col span={8}>
        <VersionFacts version={version} current={current} />
        {aside}
      </Col>
    </Row>
  );
}

/**
 * The draft in the editor (or, `isNew`, the published content about to become the next draft):
 * save, publish (after a confirmation: the version is frozen), discard. Remounted on every new
 * rowVersion, so after a save — or a 409's reload — it shows the survey as the server has it.
 */
function DraftPanel({
  survey,
  isNew,
  onCancelNew,
  onDone,
}: {
  survey: SurveyDetail;
  isNew: boolean;
  onCancelNew: () => void;
  onDone: (tab?: TabKey) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const handle = useSurveyError();
  const save = useSaveSurveyDraft(survey.id);
  const action = useSurveyAction(survey.id);
  const base: SurveyContent = survey.draft?.content ?? survey.published!.content;
  const [draft, setDraft] = useState<SurveyDraft>(() => fromContent(base));
  const editor = useEditorIssues<SurveyDraft>((d) => {
    const r = checkContent(d);
    return r.ok ? [] : r.issues;
  });
  const version = survey.draftVersion ?? (survey.publishedVersion ?? 0) + 1;
  const dirty = isNew || !sameContent(draft, base);
  const busy = save.isPending || action.isPending;

  const saveDraft = () => {
    const r = checkContent(draft);
    if (!r.ok) {
      editor.show(r.issues);
      return;
    }
    save.mutate(
      { content: r.content, rowVersion: survey.rowVersion },
      {
        onSuccess: () => {
          void message.success(t('survey.draftSaved'));
          onDone();
        },
        onError: (e) => handle(e, editor.show),
      },
    );
  };
  const run = (kind: 'publish' | 'discard') =>
    action.mutateAsync({ action: kind, rowVersion: survey.rowVersion }).then(
      () => {
        void message.success(
          kind === 'publish' ? t('survey.publishedOk', { v: version }) : t('survey.discarded'),
        );
        onDone('current');
      },
      (e: unknown) => handle(e),
    );
  const publish = () =>
    modal.confirm({
      title: t('survey.publishTitle', { v: version }),
      content: t('survey.publishBody'),
      okText: t('survey.publish', { v: version }),
      okButtonProps: { 'data-testid': 'survey-publish-ok' },
      cancelText: t('common.cancel'),
      onOk: () => run('publish'),
    });
  const discard = () =>
    modal.confirm({
      title: t('survey.discardTitle', { v: version }),
      content: t('survey.discardBody', { published: survey.publishedVersion }),
      okText: t('survey.discard'),
      okButtonProps: { danger: true, 'data-testid': 'survey-discard-ok' },
      cancelText: t('common.cancel'),
      onOk: () => run('discard'),
    });

  return (
    <>
      <Flex
        className="qloop-survey-toolbar"
        justify="space-between"
        align="center"
        gap={12}
        data-testid="draft-toolbar"
      >
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong data-testid="draft-bar">
            {isNew ? t('survey.newDraftBar', { v: version }) : t('survey.draftBar', { v: version })}
          </Typography.Text>
          {survey.publishedVersion !== null && (
            <Typography.Text type="secondary">
              {t('survey.basedOn', { v: survey.publishedVersion })}
            </Typography.Text>
          )}
          {dirty && !isNew && (
            <Tag color="orange" bordered={false} data-testid="draft-unsaved">
              {t('survey.unsaved')}
            </Tag>
          )}
        </Flex>
        <Flex gap={8}>
          {isNew && (
            <Button onClick={onCancelNew} disabled={busy}>
              {t('survey.cancelEdit')}
            </Button>
          )}
          {!isNew && survey.publishedVersion !== null && (
            <Button danger onClick={discard} disabled={busy} data-testid="survey-discard">
              {t('survey.discard')}
            </Button>
          )}
          <Button
            type={dirty ? 'primary' : 'default'}
            loading={save.isPending}
            disabled={action.isPending}
            onClick={saveDraft}
            data-testid="survey-save"
          >
            {t('survey.saveDraft')}
          </Button>
          <Tooltip title={dirty ? t('survey.publishSaveFirst') : undefined}>
            <Button
              type={dirty ? 'default' : 'primary'}
              disabled={dirty || save.isPending}
              onClick={publish}
              data-testid="survey-publish"
            >
              {t('survey.publish', { v: version })}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
      {/* the columns stretch to the row's height, so the preview can stick beside a long editor */}
      <Row gutter={16}>
        <Col span={14}>
          <SurveyEditor
            value={draft}
            onChange={(d) => {
              setDraft(d);
              editor.recheck(d);
            }}
            issues={editor.issues}
          />
        </Col>
        <Col span={10}>
          <PreviewCard content={toContent(draft)} sticky={STICKY_BELOW_TOOLBAR} />
        </Col>
      </Row>
    </>
  );
}

/** Every published version, newest first, with its answers; "view" reads it. */
function HistoryTable({ survey, onView }: { survey: SurveyDetail; onView: (v: number) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table
        rowKey="version"
        size="middle"
        pagination={false}
        dataSource={survey.history}
        data-testid="survey-history"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.noHistory')} />,
        }}
        onRow={(r) => ({ 'data-testid': `history-row-${r.version}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('survey.version'),
            dataIndex: 'version',
            width: 130,
            render: (v: number) => (
              <Flex align="center" gap={6}>
                <Typography.Text strong>v{v}</Typography.Text>
                {v === survey.publishedVersion && (
                  <Tag color={survey.state === 'retired' ? 'default' : 'success'} bordered={false}>
                    {t('survey.current')}
                  </Tag>
                )}
              </Flex>
            ),
          },
          {
            title: t('survey.name'),
            key: 'name',
            ellipsis: true,
            render: (_, r) => (en ? r.nameEn : r.nameZh),
          },
          {
            title: t('survey.publishedAt'),
            dataIndex: 'publishedAt',
            width: 170,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('survey.responses'),
            dataIndex: 'responses',
            width: 120,
            align: 'right',
            render: (n: number) => <span data-testid="history-responses">{n.toLocaleString()}</span>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                icon={<EyeOutlined />}
                onClick={() => onView(r.version)}
                data-testid={`history-view-${r.version}`}
              >
                {t('survey.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** One version read-only, as GET …/versions/{v} has it. */
function VersionDrawer({
  surveyId,
  version,
  current,
  onClose,
}: {
  surveyId: string;
  version: number | null;
  current: number | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { data, isLoading, error } = useSurveyVersion(surveyId, version);
  const shown = data && data.version === version ? data : null;
  return (
    <Drawer
      open={version !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        shown
          ? t('survey.versionTitle', {
              v: shown.version,
              name: en ? shown.content.nameEn : shown.content.nameZh,
            })
          : version !== null && `v${version}`
      }
      data-testid="version-drawer"
    >
      {isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {error && <Alert type="error" showIcon title={t('common.loadFailed')} />}
      {shown && (
        <>
          {shown.publishedAt && (
            <Alert type="info" showIcon title={t('survey.frozen')} style={{ marginBottom: 12 }} />
          )}
          <VersionFacts version={shown} current={shown.version === current} wide />
          <PreviewCard content={shown.content} />
        </>
      )}
    </Drawer>
  );
}
