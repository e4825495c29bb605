import { describe, expect, it } from 'vitest';
import { busiestWindow } from './batch-window.js';
import { hotTopics } from './hot-topics.js';
import { thresholdLevel } from './threshold-level.js';
import { actionsFrom } from './warning-lifecycle.js';

const min = 60_000;

describe('batch window (批量投诉)', () => {
  it('finds 20 distinct customers within 2 hours, counting a repeat caller once', () => {
    const tickets = Array.from({ length: 20 }, (_, i) => ({ ticketId: `t${i}`, customerId: `c${i}`, at: i * 6 * min }));
    tickets.push({ ticketId: 'dup', customerId: 'c3', at: 30 * min });
    const w = busiestWindow(tickets, 120 * min, 20);
    expect(w).toMatchObject({ customers: 20, start: 0, end: 114 * min });
    expect(w!.ticketIds).toHaveLength(21);
  });

  it('does not fire when the same 20 customers are spread over more than the window', () => {
    const tickets = Array.from({ length: 20 }, (_, i) => ({ ticketId: `t${i}`, customerId: `c${i}`, at: i * 7 * min }));
    expect(busiestWindow(tickets, 120 * min, 20)).toBeNull();
    expect(busiestWindow(tickets, 120 * min, 18)?.customers).toBe(18);
  });

  it('does not count one customer calling twenty times', () => {
    const tickets = Array.from({ length: 20 }, (_, i) => ({ ticketId: `t${i}`, customerId: 'same', at: i * min }));
    expect(busiestWindow(tickets, 120 * min, 2)).toBeNull();
    expect(busiestWindow([], 120 * min, 2)).toBeNull();
  });
});

describe('hot topics (热点)', () => {
  const rule = { minDocs: 5, minLift: 3, topN: 5 };
  it('picks words frequent now and rare before, ranked by docs × ln(lift)', () => {
    const topics = hotTopics(
      [
        { term: '宽带', windowDocs: 40, baselineDocs: 160 }, // share 0.4 vs 0.4: no lift
        { term: '停电', windowDocs: 20, baselineDocs: 2 },
        { term: '5g', windowDocs: 8, baselineDocs: 0 },
        { term: '话费', windowDocs: 4, baselineDocs: 0 }, // below minDocs
        { term: '客户', windowDocs: 90, baselineDocs: 10 }, // stop word
      ],
      100,
      400,
      rule,
    );
    expect(topics.map((t) => t.term)).toEqual(['停电', '5g']);
    expect(topics[0]!.lift).toBeCloseTo(0.2 / (2.5 / 401), 6);
  });

  it('keeps one topic where jieba emitted a word inside a longer one', () => {
    const topics = hotTopics(
      [
        { term: '光猫故障', windowDocs: 18, baselineDocs: 0 },
        { term: '光猫', windowDocs: 20, baselineDocs: 1 },
        { term: '故障', windowDocs: 60, baselineDocs: 240 },
      ],
      100,
      400,
      rule,
    );
    expect(topics.map((t) => t.term)).toEqual(['光猫故障']);
    expect(hotTopics([{ term: '停电', windowDocs: 20, baselineDocs: 0 }], 0, 400, rule)).toEqual([]);
  });
});

describe('threshold level', () => {
  const t = { yellow: 95, orange: 90, red: 85 };
  it('crosses boundaries strictly in the direction of worse', () => {
    expect(thresholdLevel(95, t, 'higher_better')).toBeNull();
    expect(thresholdLevel(94.9, t, 'higher_better')).toEqual({ level: 'yellow', threshold: 95 });
    expect(thresholdLevel(89, t, 'higher_better')).toEqual({ level: 'orange', threshold: 90 });
    expect(thresholdLevel(10, t, 'higher_better')).toEqual({ level: 'red', threshold: 85 });
    expect(thresholdLevel(6, { yellow: 5, orange: null, red: 10 }, 'lower_better')).toEqual({ level: 'yellow', threshold: 5 });
    expect(thresholdLevel(11, { yellow: 5, orange: null, red: 10 }, 'lower_better')).toEqual({ level: 'red', threshold: 10 });
    expect(thresholdLevel(11, { yellow: null, orange: null, red: null }, 'lower_better')).toBeNull();
  });
});

describe('warning lifecycle', () => {
  it('allows each action only from its states', () => {
    expect(actionsFrom('raised')).toEqual(['acknowledge', 'close']);
    expect(actionsFrom('acknowledged')).toEqual(['submit_plan', 'close']);
    expect(actionsFrom('plan_submitted')).toEqual(['verify', 'reject_plan', 'close']);
    expect(actionsFrom('verified')).toEqual(['close']);
    expect(actionsFrom('closed')).toEqual([]);
  });
});
