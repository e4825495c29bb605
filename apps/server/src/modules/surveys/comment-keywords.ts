import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict.js';
import { SURVEY_INSIGHT_LIMITS } from '@qloop/contracts';
import { segmenter } from '../tickets/search-text.js';
import { STOP_WORDS as HOT_TOPIC_STOP_WORDS } from '../warnings/hot-topics.js';

/**
 * Keywords of a verbatim comment (原话) for the keyword cloud: jieba's TF-IDF over the comment
 * (the tickets' jieba instance, the stock IDF table), stop words and noise removed, the strongest
 * few kept. Deterministic and without I/O.
 */

/**
 * Words that say nothing about what the comment is about. The hot-topic list (客户, 问题, 处理 …)
 * plus what survey comments are full of: degree words, politeness, and the satisfaction words
 * themselves — the score already says how satisfied the customer is; the cloud is for what about.
 */
const SURVEY_STOP_WORDS = [
  '满意', '不满意', '非常', '比较', '特别', '感觉', '觉得', '希望', '谢谢', '感谢', '辛苦', '有点', '一点', '一下', '一些', '一次',
  '一个多', '还好', '不错', '挺好', '很好', '不好', '太差', '服务', '东西', '这样', '那样', '的话', '而且', '然后', '就是', '还有',
  '真的', '有些', '总是', '经常', '每次', '这次', '本次', '上次', '以后', '之后', '以前', '目前', '其他', '不是', '知道', '需要',
  '应该', '能够', '建议', '意见', '评价', '打分', '推荐', '小时', '当天', '家里', '多一些', '偶尔', '情况', '不了', '不如', '只是', '任何', '不用',
];
/** Counted amounts of time or tries (三次, 两天, 一个月): how long, not what about. */
const AMOUNT = /^[一二三四五六七八九十百两几半多]+(次|回|趟|遍|天|日|个|小时|分钟|周|星期|月|个月|年)$/u;
const STOP_WORDS: ReadonlySet<string> = new Set([...HOT_TOPIC_STOP_WORDS, ...SURVEY_STOP_WORDS]);

/** Today's stop list (the cloud also leaves these out of rows stored before a word joined it). */
export const stopWords = (): string[] => [...STOP_WORDS];

/** One spelling per word: trimmed, Latin letters in upper case (5G, WIFI, APP — as people write them here). */
export const normalizeKeyword = (word: string) => word.trim().toUpperCase();

let tfidf: TfIdf | undefined;
const extractor = () => (tfidf ??= TfIdf.withDict(idf));

/**
 * Whether a word belongs in the cloud: two characters or more, not a stop word or an amount of
 * time (三次), not a number or a long run of digits (a phone number or an account must never become a keyword), not
 * punctuation.
 */
export function isKeyword(word: string): boolean {
  const w = normalizeKeyword(word);
  if ([...w].length < 2 || STOP_WORDS.has(w) || AMOUNT.test(w)) return false;
  if (!/[\p{L}]/u.test(w)) return false; // digits or punctuation only
  if (/\d{5,}/.test(w)) return false;
  return true;
}

/**
 * The comment's keywords, strongest first: TF-IDF's candidates (more than needed, as some are
 * stop words) filtered by {@link isKeyword}, each once, at most `max`.
 */
export function commentKeywords(text: string, max: number = SURVEY_INSIGHT_LIMITS.keywordsPerComment): string[] {
  const t = text.trim();
  if (!t) return [];
  const out: string[] = [];
  for (const k of extractor().extractKeywords(segmenter(), t, max * 3)) {
    const w = normalizeKeyword(k.keyword);
    if (isKeyword(w) && !out.includes(w)) out.push(w);
    if (out.length >= max) break;
  }
  return out;
}
