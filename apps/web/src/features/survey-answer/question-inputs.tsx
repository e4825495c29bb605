import { Checkbox, Input, Radio, Rate } from 'antd';
import { QUESTION_SCALES, SURVEY_LIMITS, type SurveyQuestion } from '@qloop/contracts';
import { useTranslation } from 'react-i18next';
import type { DraftAnswer, ServqualDraft } from './answers';

/**
 * One input per question type, each a controlled value / onChange pair, sized for a thumb:
 * big faces for CSAT, stars, 0–10 buttons for NPS, full-width choice rows, a text area with its
 * counter, and SERVQUAL's two 1–7 scales.
 */

const CSAT_LABELS = [
  'surveyAnswer.csat1',
  'surveyAnswer.csat2',
  'surveyAnswer.csat3',
  'surveyAnswer.csat4',
  'surveyAnswer.csat5',
] as const;
const STAR_LABELS = [
  'surveyAnswer.stars1',
  'surveyAnswer.stars2',
  'surveyAnswer.stars3',
  'surveyAnswer.stars4',
  'surveyAnswer.stars5',
] as const;
const FACE_COLORS = ['#f5222d', '#fa8c16', '#faad14', '#7cb305', '#52c41a'];

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** A face from frowning (-1) to beaming (1), drawn inline. */
function Face({ mood, color }: { mood: number; color: string }) {
  const y = 28 - mood * 2;
  return (
    <svg viewBox="0 0 40 40" className="qsa-face-svg" aria-hidden="true">
      <circle cx="20" cy="20" r="17.5" fill={color} fillOpacity="0.14" stroke={color} strokeWidth="2.5" />
      <circle cx="14" cy="16" r="2.2" fill={color} />
      <circle cx="26" cy="16" r="2.2" fill={color} />
      <path
        d={`M12 ${y} Q20 ${y + mood * 7} 28 ${y}`}
        fill="none"
        stroke={color}
        strokeWidth="2.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

interface InputProps<V> {
  question: SurveyQuestion;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  en: boolean;
  labelledBy: string;
}

function CsatInput({ value, onChange, labelledBy }: InputProps<number>) {
  const { t } = useTranslation();
  return (
    <div className="qsa-faces" role="radiogroup" aria-labelledby={labelledBy}>
      {range(1, 5).map((v, i) => {
        const on = value === v;
        return (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={on}
            className={`qsa-face${on ? ' qsa-on' : ''}`}
            style={on ? { borderColor: FACE_COLORS[i], color: FACE_COLORS[i] } : undefined}
            onClick={() => onChange(v)}
            data-testid={`sa-csat-${v}`}
          >
            <Face mood={(i - 2) / 2} color={on ? FACE_COLORS[i]! : '#8c8c8c'} />
            <span className="qsa-face-label">{t(CSAT_LABELS[i]!)}</span>
          </button>
        );
      })}
    </div>
  );
}

function StarsInput({ value, onChange, labelledBy }: InputProps<number>) {
  const { t } = useTranslation();
  return (
    <div className="qsa-stars" data-testid="sa-stars">
      <Rate
        value={value ?? 0}
        allowClear={false}
        onChange={(v) => onChange(v || undefined)}
        aria-labelledby={labelledBy}
      />
      <span className="qsa-stars-label">
        {value ? t(STAR_LABELS[value - 1]!) : t('surveyAnswer.starsHint')}
      </span>
    </div>
  );
}

/** A row of numbered buttons (NPS 0–10, a SERVQUAL 1–7 scale) with the meaning of both ends below. */
function ScaleButtons(p: {
  min: number;
  max: number;
  value: number | undefined;
  onChange: (v: number) => void;
  low: string;
  high: string;
  labelledBy: string;
  testId: string;
  className?: string;
}) {
  return (
    <div className={`qsa-scale ${p.className ?? ''}`}>
      <div className="qsa-scale-buttons" role="radiogroup" aria-labelledby={p.labelledBy}>
        {range(p.min, p.max).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={p.value === v}
            className={`qsa-num${p.value === v ? ' qsa-on' : ''}`}
            onClick={() => p.onChange(v)}
            data-testid={`${p.testId}-${v}`}
          >
            {v}
          </button>
        ))}
      </div>
      <div className="qsa-scale-ends" aria-hidden="true">
        <span>{p.low}</span>
        <span>{p.high}</span>
      </div>
    </div>
  );
}

function NpsInput({ value, onChange, labelledBy }: InputProps<number>) {
  const { t } = useTranslation();
  return (
    <ScaleButtons
      min={0}
      max={10}
      value={value}
      onChange={onChange}
      low={`0 = ${t('surveyAnswer.npsLow')}`}
      high={`10 = ${t('surveyAnswer.npsHigh')}`}
      labelledBy={labelledBy}
      testId="sa-nps"
      className="qsa-scale-nps"
    />
  );
}

function ServqualInput({ question, value, onChange }: InputProps<ServqualDraft>) {
  const { t } = useTranslation();
  const { min, max } = QUESTION_SCALES.servqual!;
  const pair = value ?? {};
  const row = (part: 'expectation' | 'perception') => {
    const id = `sa-${question.key}-${part}`;
    return (
      <div className="qsa-sq-row">
        <div className="qsa-sq-label" id={id}>
          {t(part === 'expectation' ? 'surveyAnswer.expectation' : 'surveyAnswer.perception')}
        </div>
        <ScaleButtons
          min={min}
          max={max}
          value={pair[part]}
          onChange={(v) => onChange({ ...pair, [part]: v })}
          low={`${min} = ${t('surveyAnswer.scaleLow')}`}
          high={`${max} = ${t('surveyAnswer.scaleHigh')}`}
          labelledBy={id}
          testId={`sa-${part}`}
          className="qsa-scale-7"
        />
      </div>
    );
  };
  return (
    <div className="qsa-sq" data-testid="sa-servqual">
      {row('expectation')}
      {row('perception')}
    </div>
  );
}

function SingleInput({ question, value, onChange, en, labelledBy }: InputProps<string>) {
  return (
    <Radio.Group
      className="qsa-choices"
      value={value}
      onChange={(e) => onChange(e.target.value as string)}
      aria-labelledby={labelledBy}
      options={(question.options ?? []).map((o) => ({ value: o.value, label: en ? o.labelEn : o.labelZh }))}
    />
  );
}

function MultipleInput({ question, value, onChange, en }: InputProps<string[]>) {
  const { t } = useTranslation();
  return (
    <>
      <div className="qsa-hint">{t('surveyAnswer.multipleHint')}</div>
      <Checkbox.Group
        className="qsa-choices"
        value={value ?? []}
        onChange={(v) => onChange(v.length ? (v as string[]) : undefined)}
        options={(question.options ?? []).map((o) => ({ value: o.value, label: en ? o.labelEn : o.labelZh }))}
      />
    </>
  );
}

function TextInput({ question, value, onChange, labelledBy }: InputProps<string>) {
  const { t } = useTranslation();
  return (
    <Input.TextArea
      className="qsa-text"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      placeholder={t('surveyAnswer.textPlaceholder')}
      maxLength={SURVEY_LIMITS.answerTextMax}
      showCount
      autoSize={{ minRows: 3, maxRows: 8 }}
      aria-labelledby={labelledBy}
      data-testid={`sa-text-${question.key}`}
    />
  );
}

/** The input for a question, by its type. */
export function QuestionInput(p: InputProps<DraftAnswer>) {
  switch (p.question.type) {
    case 'csat':
      return <CsatInput {...(p as InputProps<number>)} />;
    case 'stars':
      return <StarsInput {...(p as InputProps<number>)} />;
    case 'nps':
      return <NpsInput {...(p as InputProps<number>)} />;
    case 'servqual':
      return <ServqualInput {...(p as InputProps<ServqualDraft>)} />;
    case 'single':
      return <SingleInput {...(p as InputProps<string>)} />;
    case 'multiple':
      return <MultipleInput {...(p as InputProps<string[]>)} />;
    case 'text':
      return <TextInput {...(p as InputProps<string>)} />;
  }
}
