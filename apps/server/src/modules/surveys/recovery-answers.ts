import type { SurveyAnswers, SurveyContent, SurveyRecoveryAnswer } from '@qloop/contracts';

/**
 * The answered questions in words, in the survey's order, in both languages: option labels for
 * choices, the pair for a SERVQUAL item, the number for a score, the text as written. Pure.
 */
export function answerPairs(content: SurveyContent, answers: SurveyAnswers): SurveyRecoveryAnswer[] {
  return content.questions
    .filter((q) => answers[q.key] !== undefined)
    .map((q) => {
      const a = answers[q.key]!;
      const label = (v: string, en: boolean) => {
        const o = q.options?.find((x) => x.value === v);
        return (en ? o?.labelEn : o?.labelZh) ?? v;
      };
      const shown = (en: boolean): string => {
        if (q.type === 'single') return label(String(a), en);
        if (q.type === 'multiple') return (a as string[]).map((v) => label(v, en)).join(en ? ', ' : '、');
        if (q.type === 'servqual') {
          const p = a as { expectation: number; perception: number };
          return en ? `expectation ${p.expectation} / perception ${p.perception}` : `期望 ${p.expectation} / 感知 ${p.perception}`;
        }
        return String(a);
      };
      return { key: q.key, type: q.type, questionZh: q.textZh, questionEn: q.textEn, answerZh: shown(false), answerEn: shown(true) };
    });
}
