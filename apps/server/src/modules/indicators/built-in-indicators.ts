import type { Indicator, IndicatorFormula, MeasureFilter } from '@qloop/contracts';

const complaints = (measure: MeasureFilter['measure']): MeasureFilter => ({ measure, types: ['complaint'] });
const all = (measure: MeasureFilter['measure']): MeasureFilter => ({ measure });
const pct = (numerator: MeasureFilter, denominator: MeasureFilter): IndicatorFormula => ({ kind: 'ratio', numerator, denominator, scale: 100 });
const mean = (sum: MeasureFilter['measure'], n: MeasureFilter['measure']): IndicatorFormula => ({ kind: 'ratio', numerator: all(sum), denominator: all(n), scale: 1 });
const none = { yellow: null, orange: null, red: null };

type Def = Omit<Indicator, 'builtIn' | 'target' | 'thresholds'> & Partial<Pick<Indicator, 'target' | 'thresholds'>>;

/**
 * The indicators of ../shared/docs/kpis.md, as data. Targets and thresholds here are starting
 * values a quality department replaces with its own (per org unit, in a later step). The p90
 * durations (frt_p90, handle_p90) are not here yet: they need a distribution, not a sum.
 */
const DEFS: Def[] = [
  { key: 'complaint_rate_10k', nameZh: '万客户投诉率', nameEn: 'Complaints per 10,000 customers', description: 'complaints accepted in period ÷ (customer base of the org unit ÷ 10,000)', formula: { kind: 'per_customers', numerator: complaints('accepted'), scale: 10_000 }, unit: '件/万户', unitEn: 'per 10,000 customers', direction: 'lower_better' },
  { key: 'appeal_rate_1m', nameZh: '百万用户申诉率', nameEn: 'Regulator appeals per million users', description: 'regulator appeals received ÷ (customer base ÷ 1,000,000)', formula: { kind: 'per_customers', numerator: all('appeals'), scale: 1_000_000 }, unit: '件/百万户', unitEn: 'per million users', direction: 'lower_better' },
  { key: 'escalation_rate', nameZh: '升级投诉率', nameEn: 'Escalated complaint rate', description: 'complaints marked escalated ÷ complaints accepted', formula: pct(complaints('escalated'), complaints('accepted')), unit: '%', unitEn: '%', direction: 'lower_better' },
  { key: 'on_time_rate', nameZh: '投诉处理及时率', nameEn: 'Complaints handled on time', description: 'complaints closed within their resolution deadline ÷ complaints closed', formula: pct(complaints('closed_on_time'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better', target: 95 },
  { key: 'resolution_rate', nameZh: '投诉处理解决率', nameEn: 'Complaint resolution rate', description: 'closed complaints with outcome "resolved" ÷ complaints closed', formula: pct(complaints('closed_resolved'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better', target: 90 },
  { key: 'repeat_rate', nameZh: '重复投诉率', nameEn: 'Repeat complaint rate', description: 'complaints whose customer filed a complaint of the same level-2 category in the previous 30 days ÷ complaints accepted', formula: pct(complaints('repeat'), complaints('accepted')), unit: '%', unitEn: '%', direction: 'lower_better' },
  { key: 'fcr', nameZh: '一次解决率', nameEn: 'First-contact resolution', description: 'tickets closed at first contact (no transfer, no reopen, no new ticket of the same category from the customer within 7 days) ÷ tickets closed', formula: pct(all('fcr'), all('closed')), unit: '%', unitEn: '%', direction: 'higher_better' },
  { key: 'first_response_met', nameZh: '首次响应达标率', nameEn: 'First response on time', description: 'tickets whose first response met its deadline ÷ tickets with a first-response target (decided: answered, or overdue)', formula: pct(all('fr_met'), all('fr_target')), unit: '%', unitEn: '%', direction: 'higher_better', target: 95 },
  { key: 'frt_mean', nameZh: '平均首次响应时长', nameEn: 'Mean first response time', description: 'business minutes from acceptance to first customer-visible response, mean over responded tickets', formula: mean('frt_sum', 'frt_n'), unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'handle_mean', nameZh: '平均处理时长', nameEn: 'Mean handling time', description: 'business minutes from acceptance to resolution, mean over closed tickets', formula: mean('handle_sum', 'handle_n'), unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'followup_rate', nameZh: '回访率', nameEn: 'Follow-up rate', description: 'closed complaints with a recorded follow-up ÷ closed complaints', formula: pct(complaints('followed_up'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better' },
  { key: 'reopen_rate', nameZh: '重开率', nameEn: 'Reopen rate', description: 'tickets reopened ÷ tickets closed', formula: pct(all('reopened'), all('closed')), unit: '%', unitEn: '%', direction: 'lower_better' },
  { key: 'backlog', nameZh: '积压工单', nameEn: 'Backlog', description: 'open tickets at period end', formula: { kind: 'live', what: 'backlog' }, unit: '件', unitEn: 'tickets', direction: 'lower_better' },
  { key: 'overdue_backlog', nameZh: '超时积压', nameEn: 'Overdue backlog', description: 'open tickets past a running SLA deadline (now)', formula: { kind: 'live', what: 'overdue_backlog' }, unit: '件', unitEn: 'tickets', direction: 'lower_better' },
  { key: 'csat', nameZh: '满意度(CSAT)', nameEn: 'Customer satisfaction (CSAT)', description: 'responses scoring 4–5 on a 1–5 scale ÷ responses × 100', formula: { kind: 'survey', what: 'csat' }, unit: '%', unitEn: '%', direction: 'higher_better' },
  { key: 'nps', nameZh: '净推荐值', nameEn: 'Net promoter score', description: '% promoters (9–10) − % detractors (0–6) on 0–10', formula: { kind: 'survey', what: 'nps' }, unit: '−100…100', unitEn: '−100…100', direction: 'higher_better' },
  { key: 'sat_index', nameZh: '满意度指数', nameEn: 'Satisfaction index', description: 'weighted mean of the perception-element scores, scaled 0–100', formula: { kind: 'survey', what: 'sat_index' }, unit: '0–100', unitEn: '0–100', direction: 'higher_better' },
];

export const BUILT_IN_INDICATORS: readonly Indicator[] = DEFS.map((d) => ({ target: null, thresholds: none, ...d, builtIn: true }));
