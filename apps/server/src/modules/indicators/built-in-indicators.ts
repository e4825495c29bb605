import type { Indicator, IndicatorFormula, MeasureFilter } from '@qloop/contracts';

const complaints = (measure: MeasureFilter['measure']): MeasureFilter => ({ measure, types: ['complaint'] });
const all = (measure: MeasureFilter['measure']): MeasureFilter => ({ measure });
const pct = (numerator: MeasureFilter, denominator: MeasureFilter): IndicatorFormula => ({ kind: 'ratio', numerator, denominator, scale: 100 });
const mean = (sum: MeasureFilter['measure'], n: MeasureFilter['measure']): IndicatorFormula => ({ kind: 'ratio', numerator: all(sum), denominator: all(n), scale: 1 });
const none = { yellow: null, orange: null, red: null };
/** target, then the yellow / orange / red boundaries (in the direction of worse) */
const levels = (target: number, yellow: number, orange: number, red: number) => ({ target, thresholds: { yellow, orange, red } });

type Def = Omit<Indicator, 'builtIn' | 'target' | 'thresholds' | 'active' | 'version'> & Partial<Pick<Indicator, 'target' | 'thresholds'>>;

/**
 * The indicators of ../shared/docs/kpis.md, as data. The p90 durations (frt_p90, handle_p90) come
 * from a histogram kept in the rollups (a sketch: see DURATION_BUCKET_EDGES), not an exact sort.
 *
 * Targets and thresholds are province defaults a quality department replaces with its own per org
 * unit (indicator_settings; the nearest ancestor's setting applies below it). kpis.md and the
 * domain give no figures, so these are our judgement of common Chinese operator practice, a
 * target with a yellow line at it and orange / red a few points worse:
 * - rates people are measured on (on-time, resolution, first response met, FCR, follow-up, CSAT,
 *   satisfaction index) start at the usual 95 / 90 / 80-style targets;
 * - bad-event rates (escalation, repeat, reopen) get single-digit percentages;
 * - figures whose size depends on the period's length or the unit's size (complaints per 10,000
 *   customers, appeals per million, backlogs) and the mean durations (which follow the SLA policies
 *   chosen) get none: a default there would be wrong for most units and periods.
 */
const DEFS: Def[] = [
  { key: 'tickets_accepted', nameZh: '受理量', nameEn: 'Tickets accepted', description: 'tickets of every type accepted in period (all channels: the base of the channel mix)', formula: { kind: 'count', numerator: all('accepted') }, unit: '件', unitEn: 'tickets', direction: 'lower_better' },
  { key: 'complaints', nameZh: '投诉量', nameEn: 'Complaints', description: 'complaints accepted in period', formula: { kind: 'count', numerator: complaints('accepted') }, unit: '件', unitEn: 'complaints', direction: 'lower_better' },
  { key: 'complaint_rate_10k', nameZh: '万客户投诉率', nameEn: 'Complaints per 10,000 customers', description: 'complaints accepted in period ÷ (customer base of the org unit ÷ 10,000)', formula: { kind: 'per_customers', numerator: complaints('accepted'), scale: 10_000 }, unit: '件/万户', unitEn: 'per 10,000 customers', direction: 'lower_better' },
  { key: 'appeal_rate_1m', nameZh: '百万用户申诉率', nameEn: 'Regulator appeals per million users', description: 'regulator appeals received ÷ (customer base ÷ 1,000,000)', formula: { kind: 'per_customers', numerator: all('appeals'), scale: 1_000_000 }, unit: '件/百万户', unitEn: 'per million users', direction: 'lower_better' },
  { key: 'escalation_rate', nameZh: '升级投诉率', nameEn: 'Escalated complaint rate', description: 'complaints marked escalated ÷ complaints accepted', formula: pct(complaints('escalated'), complaints('accepted')), unit: '%', unitEn: '%', direction: 'lower_better', ...levels(5, 5, 8, 10) },
  { key: 'on_time_rate', nameZh: '投诉处理及时率', nameEn: 'Complaints handled on time', description: 'complaints closed within their resolution deadline ÷ complaints closed', formula: pct(complaints('closed_on_time'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better', ...levels(95, 95, 90, 85) },
  { key: 'resolution_rate', nameZh: '投诉处理解决率', nameEn: 'Complaint resolution rate', description: 'closed complaints with outcome "resolved" ÷ complaints closed', formula: pct(complaints('closed_resolved'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better', ...levels(90, 90, 85, 80) },
  { key: 'repeat_rate', nameZh: '重复投诉率', nameEn: 'Repeat complaint rate', description: 'complaints whose customer filed a complaint of the same level-2 category in the previous 30 days ÷ complaints accepted', formula: pct(complaints('repeat'), complaints('accepted')), unit: '%', unitEn: '%', direction: 'lower_better', ...levels(5, 5, 8, 10) },
  { key: 'fcr', nameZh: '一次解决率', nameEn: 'First-contact resolution', description: 'tickets closed at first contact (no transfer, no reopen, no new ticket of the same category from the customer within 7 days) ÷ tickets closed', formula: pct(all('fcr'), all('closed')), unit: '%', unitEn: '%', direction: 'higher_better', ...levels(80, 80, 75, 70) },
  { key: 'first_response_met', nameZh: '首次响应达标率', nameEn: 'First response on time', description: 'tickets whose first response met its deadline ÷ tickets with a first-response target (decided: answered, or overdue)', formula: pct(all('fr_met'), all('fr_target')), unit: '%', unitEn: '%', direction: 'higher_better', ...levels(95, 95, 90, 85) },
  { key: 'frt_mean', nameZh: '平均首次响应时长', nameEn: 'Mean first response time', description: 'business minutes from acceptance to first customer-visible response, mean over responded tickets', formula: mean('frt_sum', 'frt_n'), unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'handle_mean', nameZh: '平均处理时长', nameEn: 'Mean handling time', description: 'business minutes from acceptance to resolution, mean over closed tickets', formula: mean('handle_sum', 'handle_n'), unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'frt_p90', nameZh: '首次响应时长P90', nameEn: 'First response time, 90th percentile', description: 'business minutes from acceptance to first customer-visible response: 90% of responded tickets were answered within it (from a duration histogram, accurate to its bucket width)', formula: { kind: 'percentile', duration: 'frt', quantile: 0.9 }, unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'handle_p90', nameZh: '处理时长P90', nameEn: 'Handling time, 90th percentile', description: 'business minutes from acceptance to resolution: 90% of closed tickets were resolved within it (from a duration histogram, accurate to its bucket width)', formula: { kind: 'percentile', duration: 'handle', quantile: 0.9 }, unit: 'min', unitEn: 'min', direction: 'lower_better' },
  { key: 'followup_rate', nameZh: '回访率', nameEn: 'Follow-up rate', description: 'closed complaints with a recorded follow-up ÷ closed complaints', formula: pct(complaints('followed_up'), complaints('closed')), unit: '%', unitEn: '%', direction: 'higher_better', ...levels(98, 98, 95, 90) },
  { key: 'reopen_rate', nameZh: '重开率', nameEn: 'Reopen rate', description: 'tickets reopened ÷ tickets closed', formula: pct(all('reopened'), all('closed')), unit: '%', unitEn: '%', direction: 'lower_better', ...levels(3, 3, 5, 8) },
  { key: 'backlog', nameZh: '积压工单', nameEn: 'Backlog', description: 'open tickets at period end', formula: { kind: 'live', what: 'backlog' }, unit: '件', unitEn: 'tickets', direction: 'lower_better' },
  { key: 'overdue_backlog', nameZh: '超时积压', nameEn: 'Overdue backlog', description: 'open tickets past a running SLA deadline (now)', formula: { kind: 'live', what: 'overdue_backlog' }, unit: '件', unitEn: 'tickets', direction: 'lower_better' },
  { key: 'csat', nameZh: '满意度(CSAT)', nameEn: 'Customer satisfaction (CSAT)', description: 'responses scoring 4–5 on a 1–5 scale ÷ responses × 100', formula: { kind: 'survey', what: 'csat' }, unit: '%', unitEn: '%', direction: 'higher_better', ...levels(90, 90, 85, 80) },
  { key: 'nps', nameZh: '净推荐值', nameEn: 'Net promoter score', description: '% promoters (9–10) − % detractors (0–6) on 0–10', formula: { kind: 'survey', what: 'nps' }, unit: '−100…100', unitEn: '−100…100', direction: 'higher_better' },
  { key: 'sat_index', nameZh: '满意度指数', nameEn: 'Satisfaction index', description: 'weighted mean of the perception-element scores, scaled 0–100', formula: { kind: 'survey', what: 'sat_index' }, unit: '0–100', unitEn: '0–100', direction: 'higher_better', ...levels(80, 80, 75, 70) },
];

export const BUILT_IN_INDICATORS: readonly Indicator[] = DEFS.map((d) => ({ target: null, thresholds: none, ...d, builtIn: true, active: true, version: null }));

/** Keys a custom indicator may not take. */
export const BUILT_IN_KEYS: ReadonlySet<string> = new Set(BUILT_IN_INDICATORS.map((i) => i.key));
