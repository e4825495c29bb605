import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SurveyContent, type SurveyAnswers } from '@qloop/contracts';
import { rowsOf, type Db } from '../db/client.js';
import { appendAudit, SYSTEM_CONTEXT } from '../modules/audit/append-audit.js';
import { mulberry32 } from '../modules/surveys/analysis/seeded-random.js';
import { responseItems } from '../modules/surveys/response-items.js';
import { commentRows, insertComments } from '../modules/surveys/survey-comments.js';

/**
 * Demo satisfaction answers: a published follow-up survey (CSAT, NPS, two SERVQUAL items, a star
 * rating of the network, a free-text question) sent by SMS after about half of the demo tickets
 * closed in the last four months, most of them answered — so 满意度分析 opens on real-looking
 * figures, trends, breakdowns and a keyword cloud. Scores lean on what the ticket was about (network
 * faults score lower, a store visit higher, an unresolved outcome much lower) and improve a little
 * month by month; comments are drawn from what customers typically write, by topic and mood.
 * Deterministic for a seed.
 */

const DAY = 86_400_000;

/** What customers write, by mood and (for complaints) by the top-level category of the ticket. */
const COMMENTS = {
  negative: {
    N: [
      '家里宽带经常断网，晚上高峰期网速特别慢',
      '小区信号太差，室内打电话经常断线',
      '报修了三次，维修师傅一直没上门',
      '5G信号时有时无，网速还不如4G',
      '光猫反复掉线，维修后没两天又坏了',
      '地下车库完全没有信号，希望尽快加基站',
      '通话有杂音，对方经常听不清',
      '宽带断网两天了，客服只会让重启光猫',
      '电梯里和地下室信号很弱，电话经常打不出去',
      '网速慢得看视频一直卡顿，测速只有几兆',
      '装机约好的时间师傅没来，也没人通知',
    ],
    B: [
      '套餐资费太贵，流量根本不够用',
      '办理合约机时承诺的话费补贴一直没到账',
      '促销活动规则写得不清楚，感觉被误导了',
      '营业员推销套餐太频繁，很反感',
      '新业务开通失败，折腾了好几天',
      '宣传的优惠和实际扣费不一致',
      '套餐变更要去营业厅办理，线上办不了',
      '流量包自动续订了，事先没有告知',
      '定制手机质量差，用了一个月就坏了',
    ],
    S: [
      '话费扣费不明不白，客服解释不清楚',
      '热线排队等了二十多分钟才接通',
      '营业厅排队时间太长，只开了两个窗口',
      '停机前没有任何短信提醒',
      '投诉之后没人回访，问题一直拖着',
      '工作人员态度冷淡，问什么都说不知道',
      'APP缴费失败，钱扣了话费却没到账',
      '客服电话转了好几个部门，没人负责',
      '话费账单看不懂，多扣的费用一直没退',
      '营业员业务不熟，办个业务跑了三趟',
    ],
  },
  neutral: [
    '问题解决了，就是处理时间有点长',
    '客服态度还可以，但是需要多次来电才解决',
    '维修师傅上门及时，不过宽带还是偶尔掉线',
    '营业厅环境不错，排队时间稍长',
    '资费说明清楚了，希望以后多一些优惠',
    '网速比以前好一些，晚上还是有点慢',
    '客服回复及时，只是解决方案不太满意',
    '退费到账了，但是流程太复杂',
    '信号有改善，偶尔还会断线',
  ],
  positive: [
    '维修师傅很专业，当天就把宽带修好了',
    '客服耐心解释了话费构成，很清楚',
    '营业员服务热情，办理业务很快',
    '投诉处理及时，主动回电说明情况',
    '5G网速很快，信号也稳定',
    '热线接通很快，一次就解决了问题',
    '新套餐很划算，流量够用',
    '上门装机准时，师傅还帮忙调试了路由器',
    '多收的话费很快就退回来了，处理效率高',
    '营业厅不用排队，工作人员很专业',
    '回访电话很贴心，问题跟进到底',
    '宽带提速后看视频不卡了',
    '客服经理主动联系，给了合适的套餐建议',
  ],
  /** a few customers leave a number to be called back (the analysis masks it) */
  callBack: ['问题还没解决，麻烦尽快回电13912345678', '账单有误，请联系我 138 0013 4567'],
} as const;

type Ticket = { id: string; org_unit_id: string; customer_id: string; channel: string; top: string; outcome: string | null; done_at: string | Date; assignee_id: string | null };

/** Seeds the demo survey and its answers unless a survey with its code exists. Returns how many answers. */
export async function seedDemoSurveys(db: Db, now: Date, seed = 20_261_203): Promise<{ answers: number; comments: number }> {
  if (rowsOf(await db.execute(sql`SELECT 1 FROM surveys WHERE code = 'SVC-FOLLOWUP'`)).length) return { answers: 0, comments: 0 };
  const cat = new Map(rowsOf<{ code: string; id: string }>(await db.execute(sql`SELECT code, id FROM categories WHERE level <= 2`)).map((c) => [c.code, c.id]));
  if (!cat.get('S10') || !cat.get('N03')) return { answers: 0, comments: 0 };
  const content = SurveyContent.parse({
    nameZh: '服务回访满意度调查',
    nameEn: 'Service follow-up satisfaction survey',
    introZh: '您好！您反映的问题已处理完毕，请花一分钟评价我们的服务。',
    introEn: 'Hello! Your request has been handled: please take a minute to rate our service.',
    questions: [
      { key: 'overall', type: 'csat', textZh: '您对本次服务的总体满意度如何？', textEn: 'How satisfied are you with our service this time?', elementId: cat.get('S10') },
      { key: 'recommend', type: 'nps', textZh: '您有多大可能向亲友推荐我们？', textEn: 'How likely are you to recommend us to friends and family?' },
      { key: 'speed', type: 'servqual', dimension: 'responsiveness', textZh: '处理速度', textEn: 'Speed of handling' },
      { key: 'staff', type: 'servqual', dimension: 'assurance', textZh: '人员专业水平', textEn: 'Staff expertise' },
      { key: 'net', type: 'stars', required: false, textZh: '您对网络质量的评价', textEn: 'How do you rate the network?', elementId: cat.get('N03') },
      { key: 'comment', type: 'text', required: false, textZh: '您还有什么意见或建议？', textEn: 'Anything else you would like to tell us?' },
    ],
  });
  const tickets = rowsOf<Ticket>(
    await db.execute(sql`
      SELECT t.id, t.org_unit_id, t.customer_id, t.channel, t.outcome, t.assignee_id, COALESCE(t.closed_at, t.answered_at) AS done_at,
             (SELECT code FROM categories WHERE id = c.path[1]) AS top
      FROM tickets t JOIN categories c ON c.id = t.category_id
      WHERE t.state IN ('closed', 'archived', 'answered') AND COALESCE(t.closed_at, t.answered_at) > ${new Date(now.getTime() - 120 * DAY)}
        AND COALESCE(t.closed_at, t.answered_at) < ${new Date(now.getTime() - 3_600_000)}
      ORDER BY t.id`),
  );
  if (!tickets.length) return { answers: 0, comments: 0 };

  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  // each handler has a manner of their own, so the staff breakdown differs
  const manner = new Map<string, number>();
  const mannerOf = (id: string | null) => (id ? (manner.get(id) ?? manner.set(id, (rand() - 0.5) * 0.2).get(id)!) : 0);

  const surveyId = randomUUID();
  const invitations: Record<string, unknown>[] = [];
  const responses: Record<string, unknown>[] = [];
  const items: Record<string, unknown>[] = [];
  const comments: Parameters<typeof insertComments>[1][number][] = [];
  for (const t of tickets) {
    if (rand() > 0.5) continue; // about half are surveyed
    const done = new Date(t.done_at).getTime();
    const sentAt = new Date(done + 10 * 60_000);
    const answeredAt = new Date(Math.min(done + (1 + rand() * 47) * 3_600_000, now.getTime() - 60_000));
    const answered = rand() < 0.72;
    const invitationId = randomUUID();
    invitations.push({ id: invitationId, org_unit_id: t.org_unit_id, ticket_id: t.id, customer_id: t.customer_id, created_at: sentAt.toISOString(), answered_at: answered ? answeredAt.toISOString() : null });
    if (!answered) continue;

    // how well it went, 0–1: the topic, the channel, the outcome, the handler, a slow improvement, chance
    const age = (now.getTime() - done) / DAY;
    const q =
      0.66 + (t.top === 'N' ? -0.12 : t.top === 'B' ? -0.05 : 0.02) + (t.channel === 'store' ? 0.05 : t.channel === 'regulator' ? -0.2 : t.channel === 'hotline' ? -0.02 : 0) +
      (t.outcome === 'not_resolved' ? -0.3 : t.outcome === 'partly_resolved' ? -0.12 : 0) + mannerOf(t.assignee_id) + (0.1 * (120 - age)) / 120 + (rand() - 0.5) * 0.55;
    const csat = q >= 0.78 ? 5 : q >= 0.58 ? 4 : q >= 0.42 ? 3 : q >= 0.28 ? 2 : 1;
    const answers: SurveyAnswers = {
      overall: csat,
      // NPS follows CSAT loosely: the satisfied mostly promote, the dissatisfied mostly do not
      recommend: clamp(2 + q * 10 + (rand() - 0.5) * 1.6, 0, 10),
      speed: { expectation: rand() < 0.6 ? 7 : 6, perception: clamp(1 + q * 6 + (rand() - 0.5) * 1.5, 1, 7) },
      staff: { expectation: clamp(5 + rand() * 2, 5, 7), perception: clamp(1.5 + q * 6 + (rand() - 0.5) * 1.5, 1, 7) },
    };
    if (t.top === 'N' || rand() < 0.3) answers.net = clamp(1 + (q - 0.05) * 4 + (rand() - 0.5), 1, 5);
    const mood = csat <= 2 ? 'negative' : csat === 3 ? 'neutral' : 'positive';
    if (rand() < (mood === 'negative' ? 0.75 : mood === 'neutral' ? 0.45 : 0.35)) {
      const top = (t.top === 'N' || t.top === 'B' ? t.top : 'S') as 'N' | 'B' | 'S';
      answers.comment = mood === 'negative' ? (rand() < 0.03 ? pick(COMMENTS.callBack) : pick(COMMENTS.negative[top])) : pick(COMMENTS[mood]);
    }
    const responseId = randomUUID();
    const at = answeredAt.toISOString();
    responses.push({ id: responseId, invitation_id: invitationId, org_unit_id: t.org_unit_id, ticket_id: t.id, customer_id: t.customer_id, answers, csat, nps: answers.recommend, created_at: at });
    for (const i of responseItems(content, answers)) items.push({ ...i, response_id: responseId, org_unit_id: t.org_unit_id, created_at: at });
    for (const c of commentRows(content, answers)) comments.push({ ...c, response_id: responseId });
  }

  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO surveys (id, code, state, published_version, created_at) VALUES (${surveyId}, 'SVC-FOLLOWUP', 'published', 1, ${new Date(now.getTime() - 125 * DAY)})`);
    await tx.execute(sql`INSERT INTO survey_versions (survey_id, version, content, published_at, created_at) VALUES (${surveyId}, 1, ${JSON.stringify(content)}::jsonb, ${new Date(now.getTime() - 125 * DAY)}, ${new Date(now.getTime() - 125 * DAY)})`);
    const BATCH = 500;
    for (let i = 0; i < invitations.length; i += BATCH) {
      await tx.execute(sql`
        INSERT INTO survey_invitations (id, survey_id, version, org_unit_id, ticket_id, customer_id, channel, expires_at, answered_at, created_at)
        SELECT v.id, ${surveyId}, 1, v.org_unit_id, v.ticket_id, v.customer_id, 'sms', v.created_at + interval '7 days', v.answered_at, v.created_at
        FROM jsonb_to_recordset(${JSON.stringify(invitations.slice(i, i + BATCH))}::jsonb)
          AS v(id uuid, org_unit_id uuid, ticket_id uuid, customer_id uuid, created_at timestamptz, answered_at timestamptz)`);
    }
    for (let i = 0; i < responses.length; i += BATCH) {
      await tx.execute(sql`
        INSERT INTO survey_responses (id, survey_id, version, invitation_id, org_unit_id, ticket_id, customer_id, channel, answers, csat, nps, created_at)
        SELECT r.id, ${surveyId}, 1, r.invitation_id, r.org_unit_id, r.ticket_id, r.customer_id, 'sms', r.answers, r.csat, r.nps, r.created_at
        FROM jsonb_to_recordset(${JSON.stringify(responses.slice(i, i + BATCH))}::jsonb)
          AS r(id uuid, invitation_id uuid, org_unit_id uuid, ticket_id uuid, customer_id uuid, answers jsonb, csat smallint, nps smallint, created_at timestamptz)`);
    }
    for (let i = 0; i < items.length; i += BATCH) {
      await tx.execute(sql`
        INSERT INTO survey_response_items (response_id, question_key, survey_id, version, type, element_id, dimension, score, expectation, perception, org_unit_id, created_at)
        SELECT i.response_id, i.question_key, ${surveyId}, 1, i.type, i.element_id, i.dimension, i.score, i.expectation, i.perception, i.org_unit_id, i.created_at
        FROM jsonb_to_recordset(${JSON.stringify(items.slice(i, i + BATCH))}::jsonb)
          AS i(response_id uuid, question_key text, type text, element_id uuid, dimension text, score smallint, expectation smallint, perception smallint, org_unit_id uuid, created_at timestamptz)`);
    }
    for (let i = 0; i < comments.length; i += BATCH) await insertComments(tx, comments.slice(i, i + BATCH));
    await appendAudit(tx, SYSTEM_CONTEXT, [
      { action: 'create', entityType: 'survey', entityId: surveyId, after: { source: 'demo seed', code: 'SVC-FOLLOWUP', invitations: invitations.length, answers: responses.length, comments: comments.length } },
    ]);
  });
  return { answers: responses.length, comments: comments.length };
}
