import { Button, Progress, Segmented, Spin } from 'antd';
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  HourglassOutlined,
  StopOutlined,
  WarningOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import type { PublicSurvey, SurveyQuestion } from '@qloop/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { submitSurveyAnswers, usePublicSurvey } from '../../api/survey-answer';
import { formatDateTime } from '../../components/format';
import { LogoMark } from '../../components/logo';
import { setLocale, type Locale } from '../../i18n';
import {
  fromProgress,
  mergeDrafts,
  problemsFromServer,
  progressCount,
  refusalOf,
  submitProblems,
  toPayload,
  type Draft,
  type DraftAnswer,
  type PageRefusal,
  type Problem,
} from './answers';
import { QuestionInput } from './question-inputs';
import { scanPointOf } from './scan-point-label';
import { ScanRatingLine } from './scan-rating-line';
import { readPending, useAutosave } from './use-autosave';
import './survey-answer.css';

/**
 * /s/:token — the public answer page a customer opens from the survey SMS. No sign-in: the signed
 * single-use token is the credential. Phone first and light (its own chunk, no charts, no admin
 * code). Progress is saved as the customer goes and restored on the next visit.
 */
export default function SurveyAnswerPage() {
  const { token = '' } = useParams();
  // opened from a scanned QR code: say what is being rated (the scan page passes it along)
  const scanPoint = scanPointOf(useLocation().state);
  const survey = usePublicSurvey(token);
  const [refused, setRefused] = useState<PageRefusal | null>(null);
  const [done, setDone] = useState(false);
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';

  const name = survey.data ? (en ? survey.data.content.nameEn : survey.data.content.nameZh) : null;
  useEffect(() => {
    if (name) document.title = name;
  }, [name]);

  const loadRefusal = survey.error
    ? (refusalOf(survey.error instanceof ApiError ? survey.error : null) ?? 'network')
    : null;
  const refusal = refused ?? loadRefusal;

  let body: ReactNode;
  if (done) body = <ThankYou />;
  else if (refusal)
    body = (
      <RefusalNotice
        refusal={refusal}
        onRetry={() => (refused ? window.location.reload() : void survey.refetch())}
      />
    );
  else if (survey.isPending)
    body = (
      <div className="qsa-loading">
        <Spin size="large" />
      </div>
    );
  else if (survey.data)
    body = (
      <SurveyForm
        key={token}
        token={token}
        survey={survey.data}
        onRefused={setRefused}
        onDone={() => setDone(true)}
      />
    );

  return (
    <div className="qsa">
      <header className="qsa-top">
        <div className="qsa-brand">
          <LogoMark size={24} />
          <SurveyTitle scan={!!scanPoint} />
        </div>
        <LanguageToggle />
      </header>
      <main className="qsa-main">
        {scanPoint && survey.data && !done && !refusal && <ScanRatingLine point={scanPoint} />}
        {body}
      </main>
    </div>
  );
}

function SurveyTitle({ scan }: { scan: boolean }) {
  const { t } = useTranslation();
  return <span className="qsa-brand-title">{t(scan ? 'scanToRate.title' : 'surveyAnswer.title')}</span>;
}

/** 中文 / EN in one tap: the questions come in both languages. */
export function LanguageToggle() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Locale>
      size="small"
      value={i18n.language === 'en-US' ? 'en-US' : 'zh-CN'}
      onChange={(l) => void setLocale(l)}
      options={[
        { value: 'zh-CN', label: <span data-testid="sa-lang-zh">中文</span> },
        { value: 'en-US', label: <span data-testid="sa-lang-en">EN</span> },
      ]}
      data-testid="sa-lang"
    />
  );
}

/* ---------- full-page messages ---------- */

export function Notice(p: {
  icon: ReactNode;
  tone: 'success' | 'info' | 'warning' | 'error';
  title: string;
  text: string;
  action?: ReactNode;
  testId: string;
}) {
  return (
    <div className={`qsa-notice qsa-notice-${p.tone}`} data-testid={p.testId} role="status">
      <div className="qsa-notice-icon">{p.icon}</div>
      <h1 className="qsa-notice-title">{p.title}</h1>
      <p className="qsa-notice-text">{p.text}</p>
      {p.action}
    </div>
  );
}

function ThankYou() {
  const { t } = useTranslation();
  useEffect(() => window.scrollTo(0, 0), []);
  return (
    <Notice
      icon={<CheckCircleFilled />}
      tone="success"
      title={t('surveyAnswer.thanksTitle')}
      text={t('surveyAnswer.thanksText')}
      testId="sa-thanks"
    />
  );
}

/** How each refusal looks (icon, tone) and whether trying again can help. */
const REFUSAL_LOOK: Record<PageRefusal, { icon: ReactNode; tone: 'success' | 'info' | 'warning' | 'error'; retry?: true }> = {
  invalid: { icon: <DisconnectOutlined />, tone: 'warning' },
  expired: { icon: <ClockCircleOutlined />, tone: 'info' },
  answered: { icon: <CheckCircleFilled />, tone: 'success' },
  closed: { icon: <StopOutlined />, tone: 'info' },
  busy: { icon: <HourglassOutlined />, tone: 'warning', retry: true },
  network: { icon: <WifiOutlined />, tone: 'error', retry: true },
};

/** The words of a refusal in the answer page's own terms (i18n keys under surveyAnswer). */
const answerPageWords = (r: PageRefusal) => ({ title: `surveyAnswer.${r}Title`, text: `surveyAnswer.${r}Text` });

/**
 * A friendly refusal screen (a link used up, expired, closed, a flood, no network): its look from
 * the refusal, its words from the page showing it (the answer page, or the scan page in terms of a
 * printed code), a retry button where trying again can help.
 */
export function RefusalNotice({
  refusal,
  onRetry,
  words = answerPageWords,
  testIdPrefix = 'sa',
  retryTestId = 'sa-retry-load',
}: {
  refusal: PageRefusal;
  onRetry: () => void;
  words?: (r: PageRefusal) => { title: string; text: string };
  testIdPrefix?: string;
  retryTestId?: string;
}) {
  const { t } = useTranslation();
  const look = REFUSAL_LOOK[refusal];
  const { title, text } = words(refusal);
  return (
    <Notice
      icon={look.icon}
      tone={look.tone}
      title={t(title as 'surveyAnswer.closedTitle')}
      text={t(text as 'surveyAnswer.closedText')}
      action={
        look.retry && (
          <Button type="primary" size="large" onClick={onRetry} data-testid={retryTestId}>
            {t('surveyAnswer.tryAgain')}
          </Button>
        )
      }
      testId={`${testIdPrefix}-refused-${refusal}`}
    />
  );
}

/* ---------- the questionnaire ---------- */

type SubmitError = 'busy' | 'network' | 'failed' | null;

function SurveyForm({
  token,
  survey,
  onRefused,
  onDone,
}: {
  token: string;
  survey: PublicSurvey;
  onRefused: (r: PageRefusal) => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const { content } = survey;
  const questions = content.questions;
  // the saved progress, with the answers kept on this phone (maybe not saved yet) laid over it
  const [draft, setDraft] = useState<Draft>(() =>
    mergeDrafts(questions, fromProgress(questions, survey.progress), readPending(token)),
  );
  const [restored] = useState(() => Object.values(draft).some((a) => a !== undefined));
  const [revision, setRevision] = useState(0);
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<SubmitError>(null);
  const autosave = useAutosave({ token, questions, draft, revision, onRefused });

  const { answered, total } = progressCount(questions, draft);

  const change = (key: string, value: DraftAnswer | undefined) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setRevision((r) => r + 1);
    setSubmitError(null);
    if (problems[key]) {
      setProblems((p) => {
        const next = { ...p };
        delete next[key];
        return next;
      });
    }
  };

  const scrollTo = (key: string) => {
    document.getElementById(`sa-q-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const submit = async () => {
    const found = submitProblems(questions, draft);
    if (found.length) {
      setProblems(Object.fromEntries(found.map((f) => [f.key, f.problem])));
      scrollTo(found[0]!.key);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    autosave.pause();
    try {
      await submitSurveyAnswers(token, toPayload(questions, draft));
      autosave.finish();
      onDone();
    } catch (e) {
      autosave.resume();
      const err = e instanceof ApiError ? e : null;
      const refusal = refusalOf(err);
      if (refusal === 'busy' || refusal === 'network') setSubmitError(refusal);
      else if (refusal) {
        autosave.finish();
        onRefused(refusal);
      } else if (err?.status === 400) {
        const mapped = problemsFromServer(questions, err.details);
        setProblems(mapped.byKey);
        const first = questions.find((q) => mapped.byKey[q.key]);
        if (first) scrollTo(first.key);
        else setSubmitError('failed');
      } else setSubmitError('failed');
    } finally {
      setSubmitting(false);
    }
  };

  const problemCount = Object.keys(problems).length;
  const intro = en ? content.introEn || content.introZh : content.introZh || content.introEn;

  return (
    <>
      <div className="qsa-bar" data-testid="sa-progress">
        <div className="qsa-bar-row">
          <span className="qsa-bar-count">{t('surveyAnswer.progress', { answered, total })}</span>
          <SaveStatus state={autosave.state} onRetry={autosave.retry} />
        </div>
        <Progress
          percent={total ? Math.round((answered / total) * 100) : 0}
          showInfo={false}
          size="small"
          strokeColor="#1677ff"
        />
      </div>

      <div className="qsa-hero">
        <h1 className="qsa-name" data-testid="sa-name">
          {en ? content.nameEn : content.nameZh}
        </h1>
        {intro && <p className="qsa-intro">{intro}</p>}
        <p className="qsa-meta">
          <span>
            <span className="qsa-req">*</span> {t('surveyAnswer.requiredHint')}
          </span>
          <span>{t('surveyAnswer.answerBy', { date: formatDateTime(survey.expiresAt) })}</span>
        </p>
        {restored && (
          <p className="qsa-restored" data-testid="sa-restored">
            <CloudSyncOutlined /> {t('surveyAnswer.restored')}
          </p>
        )}
      </div>

      {questions.map((q, i) => (
        <QuestionCard
          key={q.key}
          question={q}
          index={i}
          en={en}
          value={draft[q.key]}
          problem={problems[q.key]}
          onChange={(v) => change(q.key, v)}
        />
      ))}

      <div className="qsa-submit">
        {problemCount > 0 && (
          <div className="qsa-submit-msg qsa-submit-msg-error" role="alert" data-testid="sa-missing">
            <ExclamationCircleOutlined /> {t('surveyAnswer.fixBeforeSubmit', { count: problemCount })}
          </div>
        )}
        {submitError && (
          <div className="qsa-submit-msg qsa-submit-msg-error" role="alert" data-testid="sa-submit-error">
            <ExclamationCircleOutlined />{' '}
            {submitError === 'busy'
              ? t('surveyAnswer.busyTitle')
              : submitError === 'network'
                ? t('surveyAnswer.submitNetwork')
                : t('surveyAnswer.submitFailed')}
          </div>
        )}
        <Button
          type="primary"
          size="large"
          block
          loading={submitting}
          onClick={() => void submit()}
          data-testid="sa-submit"
        >
          {t('surveyAnswer.submit')}
        </Button>
        <p className="qsa-privacy">{t('surveyAnswer.privacy')}</p>
      </div>
    </>
  );
}

function SaveStatus({
  state,
  onRetry,
}: {
  state: ReturnType<typeof useAutosave>['state'];
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (state === 'saving') return <span className="qsa-save">{t('surveyAnswer.saving')}</span>;
  if (state === 'saved')
    return (
      <span className="qsa-save qsa-save-ok" data-testid="sa-saved">
        <CheckCircleFilled /> {t('surveyAnswer.saved')}
      </span>
    );
  if (state === 'failed')
    return (
      <span className="qsa-save qsa-save-failed" data-testid="sa-save-failed">
        <WarningOutlined /> {t('surveyAnswer.saveFailed')}{' '}
        <button type="button" className="qsa-link" onClick={onRetry} data-testid="sa-save-retry">
          {t('surveyAnswer.retry')}
        </button>
      </span>
    );
  return null;
}

function QuestionCard(p: {
  question: SurveyQuestion;
  index: number;
  en: boolean;
  value: DraftAnswer | undefined;
  problem: Problem | undefined;
  onChange: (v: DraftAnswer | undefined) => void;
}) {
  const { t } = useTranslation();
  const { question: q } = p;
  const labelId = `sa-label-${q.key}`;
  const problemText =
    p.problem === 'required'
      ? t('surveyAnswer.answerRequired')
      : p.problem === 'incomplete'
        ? t('surveyAnswer.answerIncomplete')
        : p.problem
          ? t('surveyAnswer.answerInvalid')
          : null;
  return (
    <section
      id={`sa-q-${q.key}`}
      className={`qsa-q${p.problem ? ' qsa-q-error' : ''}`}
      data-testid={`sa-q-${q.key}`}
      aria-invalid={p.problem ? true : undefined}
    >
      <h2 className="qsa-q-title" id={labelId}>
        <span className="qsa-q-no">{p.index + 1}</span>
        <span className="qsa-q-text">
          {q.required && (
            <span className="qsa-req" aria-label={t('surveyAnswer.requiredMark')}>
              *
            </span>
          )}
          {p.en ? q.textEn : q.textZh}
          {!q.required && <span className="qsa-optional">{t('surveyAnswer.optional')}</span>}
        </span>
      </h2>
      {q.type === 'servqual' && <div className="qsa-hint">{t('surveyAnswer.servqualHint')}</div>}
      <QuestionInput question={q} value={p.value} onChange={p.onChange} en={p.en} labelledBy={labelId} />
      {problemText && (
        <div className="qsa-q-problem" role="alert" data-testid={`sa-problem-${q.key}`}>
          <ExclamationCircleOutlined /> {problemText}
        </div>
      )}
    </section>
  );
}
