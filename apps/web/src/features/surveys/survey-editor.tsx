import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Dropdown,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  QUESTION_SCALES,
  QUESTION_TYPES,
  SERVQUAL_DIMENSIONS,
  SURVEY_LIMITS,
  type QuestionType,
  type ServqualDimension,
} from '@qloop/contracts';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/tickets';
import { MoveButtons } from '../../components/move-buttons';
import { elementTree } from './element-tree';
import {
  changeType,
  HEADLINE_TYPES,
  isChoice,
  moveItem,
  newQuestion,
  suggestOptionValue,
  type DefaultTexts,
  type DraftQuestion,
  type SurveyDraft,
} from './survey-draft';
import { describeIssue, fieldPaths, placeIssues, type SurveyIssue } from './survey-issues';
import { QuestionTypeTag } from './survey-tags';

/**
 * The problems an editor shows: none until a save is tried; from then on they follow the edits
 * (checked again with the contract on each change), and a server 400 puts its own in their place.
 */
export function useEditorIssues<T>(check: (value: T) => SurveyIssue[]) {
  const [issues, setIssues] = useState<SurveyIssue[]>([]);
  const [live, setLive] = useState(false);
  return {
    issues,
    /** show these (a failed check, or a 400's details) and keep them current from now on */
    show: useCallback((list: SurveyIssue[]) => {
      setIssues(list);
      setLive(true);
      scrollToFirstIssue();
    }, []),
    /** after an edit */
    recheck: (value: T) => {
      if (live) setIssues(check(value));
    },
  };
}

/** Brings the first marked field into view once the marks are drawn. */
export function scrollToFirstIssue() {
  requestAnimationFrame(() =>
    document
      .querySelector(
        '[data-survey-editor] .ant-form-item-has-error, [data-survey-editor] .qloop-survey-issue',
      )
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  );
}

/** The problems in the reader's language: the contract's messages by their key, else as they are. */
function useIssueText() {
  const { t } = useTranslation();
  return (issue: SurveyIssue): string => {
    const d = describeIssue(issue);
    if (!d) return issue.message;
    if (d.key === 'oneHeadline')
      return t('survey.issue_oneHeadline', { type: t(`survey.type_${d.values!.type as 'csat'}`) });
    return t(`survey.issue_${d.key}`, d.values ?? {});
  };
}

type FieldStatus = { validateStatus?: 'error'; help?: ReactNode };

/** A problem that belongs to no single field (the question list, a whole question). */
function IssueLine({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Text
      type="danger"
      className="qloop-survey-issue"
      style={{ display: 'block', marginBottom: 8 }}
      data-testid={testId}
    >
      {children}
    </Typography.Text>
  );
}

/**
 * The survey editor, for a new survey and for drafts: names and introductions in both languages,
 * then the questions — added by type, reordered, removed — each with its key, texts, required,
 * options (choice), perception element and SERVQUAL dimension. `issues` land on their fields.
 * Controlled: the page keeps the draft and decides when to check and save.
 */
export function SurveyEditor({
  value,
  onChange,
  issues,
  code,
}: {
  value: SurveyDraft;
  onChange: (next: SurveyDraft) => void;
  issues: readonly SurveyIssue[];
  /** a new survey's code field */
  code?: { value: string; onChange: (v: string) => void };
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const issueText = useIssueText();
  const { data: categories } = useCategories();

  const { byField, rest } = placeIssues(
    issues.map((i) => ({ path: i.path, message: issueText(i) })),
    fieldPaths(value, !!code),
  );
  const status = (path: string): FieldStatus => {
    const list = byField.get(path);
    return list ? { validateStatus: 'error', help: list.join(en ? '; ' : '；') } : {};
  };
  const count = [...byField.values()].reduce((n, l) => n + l.length, 0) + rest.length;

  const set = (patch: Partial<SurveyDraft>) => onChange({ ...value, ...patch });
  const setQuestions = (questions: DraftQuestion[]) => set({ questions });
  const setQuestion = (i: number, q: DraftQuestion) =>
    setQuestions(value.questions.map((x, j) => (j === i ? q : x)));

  // the standard wordings of the headline questions, in both languages whatever the reader's
  const defaults = useMemo<DefaultTexts>(() => {
    const zh = i18n.getFixedT('zh-CN');
    const enT = i18n.getFixedT('en-US');
    return {
      csat: { zh: zh('survey.defaultText_csat'), en: enT('survey.defaultText_csat') },
      nps: { zh: zh('survey.defaultText_nps'), en: enT('survey.defaultText_nps') },
    };
  }, [i18n]);
  const used = new Set(value.questions.map((q) => q.type));
  const full = value.questions.length >= SURVEY_LIMITS.questionsMax;
  const add = (type: QuestionType) =>
    setQuestions([...value.questions, newQuestion(type, value.questions, defaults)]);
  const addMenu = (testId: string) => (
    <Dropdown
      trigger={['click']}
      disabled={full}
      menu={{
        onClick: ({ key }) => add(key as QuestionType),
        items: QUESTION_TYPES.map((type) => {
          const taken = HEADLINE_TYPES.includes(type) && used.has(type);
          return {
            key: type,
            disabled: taken,
            label: (
              <div style={{ maxWidth: 320, padding: '2px 0' }} data-testid={`add-question-${type}`}>
                <div>{t(`survey.type_${type}`)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {taken ? t('survey.headlineUsed') : t(`survey.typeHint_${type}`)}
                </Typography.Text>
              </div>
            ),
          };
        }),
      }}
    >
      <Button icon={<PlusOutlined />} data-testid={testId}>
        {t('survey.addQuestion')}
      </Button>
    </Dropdown>
  );

  return (
    <Form layout="vertical" component={false} requiredMark>
      <div data-survey-editor>
        {count > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('survey.fixIssues', { count })}
            description={
              rest.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {rest.map((i) => (
                    <li key={i.path + i.message}>
                      {i.path && <code>{i.path}</code>} {i.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
            data-testid="editor-issues"
          />
        )}
        <Card size="small" title={t('survey.basics')} style={{ marginBottom: 12 }}>
          {code && (
            <Form.Item label={t('survey.code')} required extra={t('survey.codeHint')} {...status('code')}>
              <Input
                value={code.value}
                onChange={(e) => code.onChange(e.target.value)}
                maxLength={40}
                placeholder={t('survey.codePlaceholder')}
                style={{ maxWidth: 320 }}
                data-testid="survey-code"
              />
            </Form.Item>
          )}
          <Row gutter={12}>
            {(['nameZh', 'nameEn'] as const).map((f) => (
              <Col span={12} key={f}>
                <Form.Item label={t(`survey.${f}`)} required {...status(f)}>
                  <Input
                    value={value[f]}
                    onChange={(e) => set({ [f]: e.target.value })}
                    maxLength={SURVEY_LIMITS.textMax}
                    data-testid={`survey-${f}`}
                  />
                </Form.Item>
              </Col>
            ))}
            {(['introZh', 'introEn'] as const).map((f) => (
              <Col span={12} key={f}>
                <Form.Item label={t(`survey.${f}`)} style={{ marginBottom: 4 }} {...status(f)}>
                  <Input.TextArea
                    value={value[f]}
                    onChange={(e) => set({ [f]: e.target.value })}
                    autoSize={{ minRows: 2, maxRows: 5 }}
                    maxLength={SURVEY_LIMITS.textMax}
                    placeholder={t('survey.introPlaceholder')}
                    data-testid={`survey-${f}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Flex justify="space-between" align="center" style={{ margin: '4px 0 8px' }}>
          <Typography.Text strong>
            {t('survey.questionsCount', { count: value.questions.length })}
          </Typography.Text>
          {addMenu('add-question')}
        </Flex>
        {byField.has('questions') && (
          <IssueLine testId="questions-issue">{status('questions').help}</IssueLine>
        )}
        {value.questions.length === 0 && (
          <Card size="small" style={{ marginBottom: 12 }}>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{t('survey.noQuestions')}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('survey.noQuestionsHint')}
                  </Typography.Text>
                </>
              }
            />
          </Card>
        )}
        {value.questions.map((q, i) => (
          <QuestionCard
            key={q.uid}
            index={i}
            count={value.questions.length}
            question={q}
            typeTaken={(type) =>
              HEADLINE_TYPES.includes(type) && value.questions.some((x, j) => j !== i && x.type === type)
            }
            elements={elementTree(categories ?? [], en, q.elementId)}
            status={(f) => status(`questions.${i}${f ? `.${f}` : ''}`)}
            onChange={(next) => setQuestion(i, next)}
            onMove={(by) => setQuestions(moveItem(value.questions, i, by))}
            onRemove={() => setQuestions(value.questions.filter((_, j) => j !== i))}
          />
        ))}
        {value.questions.length > 0 && <Flex justify="center">{addMenu('add-question-bottom')}</Flex>}
      </div>
    </Form>
  );
}

function QuestionCard({
  index,
  count,
  question: q,
  typeTaken,
  elements,
  status,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  question: DraftQuestion;
  typeTaken: (type: QuestionType) => boolean;
  elements: ReturnType<typeof elementTree>;
  /** a field's marks: '' for the question itself, 'key', 'options.0.value' … */
  status: (field: string) => FieldStatus;
  onChange: (q: DraftQuestion) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const scale = QUESTION_SCALES[q.type];
  const own = status('');
  const setOption = (j: number, patch: Partial<DraftQuestion['options'][number]>) =>
    set({ options: q.options.map((o, k) => (k === j ? { ...o, ...patch } : o)) });

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      className="qloop-survey-qcard"
      data-testid="question-card"
      title={
        <Flex align="center" gap={8}>
          <span className="qloop-survey-qno">Q{index + 1}</span>
          <QuestionTypeTag type={q.type} />
          {scale && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {t('survey.scale', scale)}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Flex gap={0}>
          <MoveButtons index={index} count={count} busy={false} onMove={onMove} testIdPrefix="question" buttonType="text" />
          <Tooltip title={t('survey.removeQuestion')}>
            <Button
              type="text"
              size="small"
              danger
              aria-label={t('survey.removeQuestion')}
              icon={<DeleteOutlined />}
              onClick={onRemove}
              data-testid="question-remove"
            />
          </Tooltip>
        </Flex>
      }
    >
      {own.help && <IssueLine>{own.help}</IssueLine>}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label={t('survey.type')} {...status('type')}>
            <Select<QuestionType>
              value={q.type}
              onChange={(type) => onChange(changeType(q, type))}
              options={QUESTION_TYPES.map((type) => ({
                value: type,
                label: t(`survey.type_${type}`),
                disabled: typeTaken(type),
              }))}
              popupMatchSelectWidth={false}
              data-testid="question-type"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('survey.key')} tooltip={t('survey.keyHint')} required {...status('key')}>
            <Input
              value={q.key}
              onChange={(e) => set({ key: e.target.value })}
              maxLength={40}
              style={{ fontFamily: 'monospace' }}
              data-testid="question-key"
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label=" " colon={false} {...status('required')}>
            <Checkbox
              checked={q.required}
              onChange={(e) => set({ required: e.target.checked })}
              data-testid="question-required"
            >
              {t('survey.required')}
            </Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {(['textZh', 'textEn'] as const).map((f) => (
          <Col span={12} key={f}>
            <Form.Item label={t(`survey.${f}`)} required {...status(f)}>
              <Input.TextArea
                value={q[f]}
                onChange={(e) => set({ [f]: e.target.value })}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={SURVEY_LIMITS.textMax}
                data-testid={`question-${f}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col span={q.type === 'servqual' ? 14 : 24}>
          <Form.Item label={t('survey.element')} {...status('elementId')}>
            <TreeSelect
              value={q.elementId ?? undefined}
              onChange={(id?: string) => set({ elementId: id ?? null })}
              treeData={elements}
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              placeholder={t('survey.elementPlaceholder')}
              popupMatchSelectWidth={false}
              data-testid="question-element"
            />
          </Form.Item>
        </Col>
        {q.type === 'servqual' && (
          <Col span={10}>
            <Form.Item label={t('survey.dimension')} required {...status('dimension')}>
              <Select<ServqualDimension>
                value={q.dimension ?? undefined}
                onChange={(dimension) => set({ dimension })}
                placeholder={t('survey.dimensionPlaceholder')}
                options={SERVQUAL_DIMENSIONS.map((d) => ({ value: d, label: t(`survey.dim_${d}`) }))}
                data-testid="question-dimension"
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      {isChoice(q.type) && (
        <Form.Item
          label={t('survey.options')}
          required
          extra={t('survey.optionsHint')}
          style={{ marginBottom: 0 }}
          {...status('options')}
        >
          <Flex vertical gap={6} data-testid="question-options">
            {q.options.map((o, j) => (
              <Flex gap={6} align="flex-start" key={j} data-testid="option-row">
                {(
                  [
                    ['value', 84, t('survey.optionValue')],
                    ['labelZh', undefined, t('survey.optionLabelZh')],
                    ['labelEn', undefined, t('survey.optionLabelEn')],
                  ] as const
                ).map(([f, width, placeholder]) => {
                  const s = status(`options.${j}.${f}`);
                  return (
                    <Form.Item
                      key={f}
                      {...s}
                      style={{ marginBottom: 0, ...(width ? { width } : { flex: 1, minWidth: 0 }) }}
                    >
                      <Input
                        size="small"
                        value={o[f]}
                        placeholder={placeholder}
                        onChange={(e) => setOption(j, { [f]: e.target.value })}
                        maxLength={f === 'value' ? 40 : SURVEY_LIMITS.textMax}
                        style={f === 'value' ? { fontFamily: 'monospace' } : undefined}
                        data-testid={`option-${f}`}
                      />
                    </Form.Item>
                  );
                })}
                <Tooltip title={t('survey.removeOption')}>
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('survey.removeOption')}
                    icon={<MinusCircleOutlined />}
                    onClick={() => set({ options: q.options.filter((_, k) => k !== j) })}
                    data-testid="option-remove"
                  />
                </Tooltip>
              </Flex>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              disabled={q.options.length >= SURVEY_LIMITS.optionsMax}
              onClick={() =>
                set({
                  options: [...q.options, { value: suggestOptionValue(q.options), labelZh: '', labelEn: '' }],
                })
              }
              style={{ alignSelf: 'flex-start' }}
              data-testid="option-add"
            >
              {t('survey.addOption')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Card>
  );
}
