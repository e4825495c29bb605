import type { QuestionType, ServqualDimension, SurveyContent } from '@qloop/contracts';
import type { z } from 'zod';

/**
 * The survey editor's working copy. Unlike SurveyContent it holds every field whatever the type
 * (an empty option list, no dimension yet), so a half-made question can be shown and checked;
 * `toContent` turns it into what the contract and the API take.
 */
export interface DraftOption {
  value: string;
  labelZh: string;
  labelEn: string;
}

export interface DraftQuestion {
  /** the editor's own id of the question (a React key that survives reordering); never sent */
  uid: string;
  key: string;
  type: QuestionType;
  textZh: string;
  textEn: string;
  required: boolean;
  /** single / multiple only; kept empty otherwise */
  options: DraftOption[];
  elementId: string | null;
  /** servqual only */
  dimension: ServqualDimension | null;
}

export interface SurveyDraft {
  nameZh: string;
  nameEn: string;
  introZh: string;
  introEn: string;
  questions: DraftQuestion[];
}

/** What the contract's SurveyContent parses (its input: defaults not applied yet). */
export type ContentInput = z.input<typeof SurveyContent>;

export const isChoice = (type: QuestionType): boolean => type === 'single' || type === 'multiple';

/** The headline scores: a survey has at most one question of each. */
export const HEADLINE_TYPES: readonly QuestionType[] = ['csat', 'nps'];

let uidSeq = 0;
const newUid = () => `question-${++uidSeq}`;

export function emptyDraft(): SurveyDraft {
  return { nameZh: '', nameEn: '', introZh: '', introEn: '', questions: [] };
}

/** The next free `<prefix>N`: one above the highest number used, so a removed key is not handed out again. */
function nextNumbered(prefix: string, used: readonly string[], floor: number): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  const highest = used.reduce((max, k) => Math.max(max, Number(pattern.exec(k)?.[1] ?? 0)), 0);
  const taken = new Set(used);
  let n = Math.max(highest + 1, floor);
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * A key for a new question: q1, q2 … — past the highest qN in use and at least the question's
 * position, so keys read in order and a removed question's key is not reused for another one
 * (answers are keyed by it).
 */
export function suggestKey(questions: readonly { key: string }[]): string {
  return nextNumbered(
    'q',
    questions.map((q) => q.key),
    questions.length + 1,
  );
}

/** A value for a new option of a choice question: o1, o2 … */
export function suggestOptionValue(options: readonly { value: string }[]): string {
  return nextNumbered(
    'o',
    options.map((o) => o.value),
    options.length + 1,
  );
}

/** Texts a new question starts with (the headline questions have standard wordings), in both languages. */
export type DefaultTexts = Partial<Record<QuestionType, { zh: string; en: string }>>;

/**
 * A new question of `type` appended after `existing`: a suggested key, required except free text
 * (a comment box should not block the form), no options yet (the editor asks for at least two).
 */
export function newQuestion(
  type: QuestionType,
  existing: readonly { key: string }[],
  texts: DefaultTexts = {},
): DraftQuestion {
  return {
    uid: newUid(),
    key: suggestKey(existing),
    type,
    textZh: texts[type]?.zh ?? '',
    textEn: texts[type]?.en ?? '',
    required: type !== 'text',
    options: [],
    elementId: null,
    dimension: null,
  };
}

/**
 * The question as another type: options stay between single and multiple and are dropped
 * otherwise; the dimension stays only on a SERVQUAL item; key, texts, element and required stay.
 */
export function changeType(q: DraftQuestion, type: QuestionType): DraftQuestion {
  return {
    ...q,
    type,
    options: isChoice(type) && isChoice(q.type) ? q.options : [],
    dimension: type === 'servqual' ? q.dimension : null,
  };
}

/** The list with the item at `index` moved one place up (-1) or down (1); unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}

/**
 * The draft as the contract takes it: options only on choice questions (an empty list stays, so
 * the contract says "at least two"), the dimension only on SERVQUAL items, no empty element.
 */
export function toContent(d: SurveyDraft): ContentInput {
  return {
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    introZh: d.introZh,
    introEn: d.introEn,
    questions: d.questions.map((q) => ({
      key: q.key,
      type: q.type,
      textZh: q.textZh,
      textEn: q.textEn,
      required: q.required,
      ...(isChoice(q.type)
        ? { options: q.options.map((o) => ({ value: o.value, labelZh: o.labelZh, labelEn: o.labelEn })) }
        : {}),
      ...(q.elementId ? { elementId: q.elementId } : {}),
      ...(q.type === 'servqual' && q.dimension ? { dimension: q.dimension } : {}),
    })),
  };
}

/** A saved version's content as an editor draft. */
export function fromContent(c: SurveyContent): SurveyDraft {
  return {
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    introZh: c.introZh ?? '',
    introEn: c.introEn ?? '',
    questions: c.questions.map((q) => ({
      uid: newUid(),
      key: q.key,
      type: q.type,
      textZh: q.textZh,
      textEn: q.textEn,
      required: q.required ?? true,
      options: (q.options ?? []).map((o) => ({ ...o })),
      elementId: q.elementId ?? null,
      dimension: q.dimension ?? null,
    })),
  };
}

/** True when the draft says the same as the saved content (the editor has nothing unsaved). */
export function sameContent(d: SurveyDraft, saved: SurveyContent): boolean {
  return JSON.stringify(toContent(d)) === JSON.stringify(toContent(fromContent(saved)));
}
