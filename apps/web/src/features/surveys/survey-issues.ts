import { CreateSurveyBody, SurveyContent } from '@qloop/contracts';
import { isChoice, toContent, type SurveyDraft } from './survey-draft';

/**
 * Where the editor shows each problem. A problem's path — a zod issue's (['questions', 2, 'key'])
 * or a 400's detail ('body.content.questions.2.key') — becomes the editor's field path
 * 'questions.2.key'; it lands on the most specific field the editor shows, and what matches no
 * field is listed above the form.
 */
export interface SurveyIssue {
  /** an editor field path: 'nameZh', 'questions.2.options.0.labelEn', 'code' */
  path: string;
  message: string;
}

/** The request parts and wrappers the server names before the content's own path. */
const PREFIXES = ['body', 'content'];

/** A zod path or a server detail path as the editor's field path. */
export function issuePath(path: readonly PropertyKey[] | string): string {
  const segments =
    typeof path === 'string'
      ? path
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .filter(Boolean)
      : path.map((p) => String(p));
  let i = 0;
  for (const prefix of PREFIXES) if (segments[i] === prefix) i++;
  return segments.slice(i).join('.');
}

/** The fields the editor shows for a draft (with `code` when creating), by field path. */
export function fieldPaths(d: SurveyDraft, withCode = false): Set<string> {
  const out = new Set<string>(['nameZh', 'nameEn', 'introZh', 'introEn', 'questions']);
  if (withCode) out.add('code');
  d.questions.forEach((q, i) => {
    const p = `questions.${i}`;
    for (const f of ['', '.key', '.type', '.textZh', '.textEn', '.required', '.elementId']) out.add(p + f);
    if (q.type === 'servqual') out.add(`${p}.dimension`);
    if (isChoice(q.type)) {
      out.add(`${p}.options`);
      q.options.forEach((_, j) => {
        for (const f of ['value', 'labelZh', 'labelEn']) out.add(`${p}.options.${j}.${f}`);
      });
    }
  });
  return out;
}

/**
 * Each issue on the most specific shown field its path starts with ('questions.2.options.5' of a
 * list of two lands on 'questions.2.options'); `rest` are those no field takes.
 */
export function placeIssues(
  issues: readonly SurveyIssue[],
  fields: ReadonlySet<string>,
): { byField: Map<string, string[]>; rest: SurveyIssue[] } {
  const byField = new Map<string, string[]>();
  const rest: SurveyIssue[] = [];
  for (const issue of issues) {
    const segments = issue.path.split('.').filter(Boolean);
    let field: string | null = null;
    for (let n = segments.length; n > 0 && !field; n--) {
      const candidate = segments.slice(0, n).join('.');
      if (fields.has(candidate)) field = candidate;
    }
    if (!field) {
      rest.push(issue);
      continue;
    }
    const list = byField.get(field) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    byField.set(field, list);
  }
  return { byField, rest };
}

type Issues = readonly { path: readonly PropertyKey[]; message: string }[];
const fromZod = (issues: Issues): SurveyIssue[] =>
  issues.map((i) => ({ path: issuePath(i.path), message: i.message }));

/** The draft checked with the contract: the content to send (trimmed, defaults applied), or the issues. */
export function checkContent(
  d: SurveyDraft,
): { ok: true; content: SurveyContent } | { ok: false; issues: SurveyIssue[] } {
  const r = SurveyContent.safeParse(toContent(d));
  return r.success ? { ok: true, content: r.data } : { ok: false, issues: fromZod(r.error.issues) };
}

/** A new survey (code and content) checked with the contract's CreateSurveyBody. */
export function checkCreate(
  code: string,
  d: SurveyDraft,
): { ok: true; body: { code: string; content: SurveyContent } } | { ok: false; issues: SurveyIssue[] } {
  const r = CreateSurveyBody.safeParse({ code, content: toContent(d) });
  return r.success ? { ok: true, body: r.data } : { ok: false, issues: fromZod(r.error.issues) };
}

/** The issue keys of the `survey` i18n section (`survey.issue_<key>`). */
export type IssueKey =
  | 'required'
  | 'tooLong'
  | 'key'
  | 'keyDuplicate'
  | 'optionsMin'
  | 'optionsMax'
  | 'optionsOnlyChoice'
  | 'optionValuesDiffer'
  | 'dimensionRequired'
  | 'dimensionOnlyServqual'
  | 'oneHeadline'
  | 'needQuestion'
  | 'tooManyQuestions'
  | 'elementUnknown'
  | 'code'
  | 'codeLength';

/**
 * The contract's (English) message as a translatable key with its values, or null when unknown
 * (the message is then shown as it is). The server checks with the same schema, so its 400
 * details carry the same messages.
 */
export function describeIssue(
  issue: SurveyIssue,
): { key: IssueKey; values?: Record<string, string | number> } | null {
  const m = issue.message;
  const last = issue.path.split('.').pop() ?? '';
  let match: RegExpExecArray | null;
  if (m === 'required') return { key: 'required' };
  if (m.startsWith('a key is lowercase')) return { key: 'key' };
  if ((match = /already used by question (\d+)/.exec(m)))
    return { key: 'keyDuplicate', values: { n: Number(match[1]) } };
  if (m === 'a choice needs at least two options' || m === 'a choice question needs its options')
    return { key: 'optionsMin' };
  if (m === 'only choice questions have options') return { key: 'optionsOnlyChoice' };
  if (m === 'option values must differ') return { key: 'optionValuesDiffer' };
  if (m === 'a SERVQUAL item needs its dimension') return { key: 'dimensionRequired' };
  if (m === 'only SERVQUAL items have a dimension') return { key: 'dimensionOnlyServqual' };
  if ((match = /at most one (CSAT|NPS) question/.exec(m)))
    return { key: 'oneHeadline', values: { type: match[1]!.toLowerCase() } };
  if (m === 'a survey needs a question') return { key: 'needQuestion' };
  if (m === 'unknown category') return { key: 'elementUnknown' };
  if (m.startsWith('a code is letters')) return { key: 'code' };
  // zod's own messages for the limits: "Too big: expected array to have <=50 items", "… string … <=500 characters"
  if ((match = /<=\s*(\d+)/.exec(m))) {
    const max = Number(match[1]);
    if (last === 'options') return { key: 'optionsMax', values: { max } };
    if (last === 'questions') return { key: 'tooManyQuestions', values: { max } };
    return last === 'code' ? { key: 'codeLength' } : { key: 'tooLong', values: { max } };
  }
  if (last === 'code' && />=\s*\d+/.test(m)) return { key: 'codeLength' };
  return null;
}
