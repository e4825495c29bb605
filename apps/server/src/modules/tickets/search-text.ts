import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * PostgreSQL has no Chinese parser: text is segmented with jieba (search mode, which also emits
 * the short words inside long ones) and stored space-separated, so the 'simple' text-search config
 * indexes each word. The same segmentation is applied to queries.
 */
let jieba: Jieba | undefined;
/** The one jieba instance (its dictionary is large: loaded once, on first use, and shared — survey comment keywords use it too). */
export const segmenter = () => (jieba ??= Jieba.withDict(dict));

const WORD = /[\p{L}\p{N}]/u;

export function segment(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w && WORD.test(w));
}

/** What goes into tickets.search_text. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return segment(parts.filter(Boolean).join('\n')).join(' ');
}

/** Query words for plainto_tsquery('simple', …); empty when the query has no words. */
export function searchQueryOf(q: string): string {
  return [...new Set(segment(q))].join(' ');
}
