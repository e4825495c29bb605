/** Document counts of one word: tickets of the window and of the baseline that contain it. */
export type WordCounts = { term: string; windowDocs: number; baselineDocs: number };
export type HotTopicRule = { minDocs: number; minLift: number; topN: number };
export type HotTopic = WordCounts & { lift: number; score: number };

/**
 * Words people complain about in general (客户, 投诉, 问题…) have a lift near 1 and drop out on
 * their own; this list only spares the arithmetic and keeps them off a noisy baseline.
 */
export const STOP_WORDS = new Set(['客户', '用户', '投诉', '问题', '反映', '要求', '表示', '我们', '你们', '他们', '一个', '没有', '已经', '进行', '处理', '现在', '今天', '还是', '什么', '这个', '那个', '不能', '可以', '因为', '所以', '但是', '如果', '一直', '时候', '工单', '来电', '咨询']);

/**
 * Hot topics (热点): words whose share of the window's complaints is far above their share of the
 * baseline's. share = docs ÷ total; the baseline share is smoothed ((docs + ½) ÷ (total + 1)) so a
 * word never seen before has a finite lift. A word qualifies with at least minDocs tickets and a
 * lift of at least minLift; they rank by docs × ln(lift) — TF-IDF with the baseline as the corpus:
 * frequent now, rare before. jieba's search mode also emits the words inside long ones (宽带 in
 * 宽带断网), so a word is dropped when a longer selected word contains it and covers most (≥ 80 %) of
 * its tickets: one topic, one warning. Pure.
 */
export function hotTopics(words: readonly WordCounts[], windowTotal: number, baselineTotal: number, rule: HotTopicRule): HotTopic[] {
  if (windowTotal === 0) return [];
  const candidates = words
    .filter((w) => w.windowDocs >= rule.minDocs && w.term.length >= 2 && !STOP_WORDS.has(w.term) && !/^\d+$/.test(w.term))
    .map((w) => {
      const lift = w.windowDocs / windowTotal / ((w.baselineDocs + 0.5) / (baselineTotal + 1));
      return { ...w, lift, score: w.windowDocs * Math.log(lift) };
    })
    .filter((w) => w.lift >= rule.minLift)
    .sort((a, b) => b.score - a.score || b.term.length - a.term.length || a.term.localeCompare(b.term));
  const chosen: HotTopic[] = [];
  // longer words first, so a word meets the longer words that could absorb it
  const byLength = [...candidates].sort((a, b) => b.term.length - a.term.length);
  const absorbed = new Set<string>();
  for (const w of byLength) {
    if (byLength.some((o) => o !== w && !absorbed.has(o.term) && o.term.length > w.term.length && o.term.includes(w.term) && o.windowDocs >= 0.8 * w.windowDocs)) absorbed.add(w.term);
  }
  for (const w of candidates) {
    if (!absorbed.has(w.term)) chosen.push(w);
    if (chosen.length >= rule.topN) break;
  }
  return chosen;
}
