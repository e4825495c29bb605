import { z } from 'zod';
import { LIMITS, PageQuery, QueryBool, Uuid, pageOf } from './common.js';
import { Code, Name } from './org.js';

/** Request types (诉求类型). */
export const REQUEST_TYPES = ['consultation', 'business', 'fault', 'complaint', 'suggestion', 'praise'] as const;
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;

/** Intake channels (受理渠道); `regulator` is a transfer from 工信部/12300. */
export const CHANNELS = ['hotline', 'store', 'web', 'app_api', 'e_channel', 'social_media', 'regulator'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/**
 * Ticket states: 受理 accepted → 分派 assigned → 处理 in_progress → 答复 answered → 回访 follow_up →
 * 关闭 closed → 归档 archived; 挂起 pending (with a reason) returns to the state it left; cancelled and
 * merged are final.
 */
export const TICKET_STATES = [
  'accepted',
  'assigned',
  'in_progress',
  'pending',
  'answered',
  'follow_up',
  'closed',
  'archived',
  'cancelled',
  'merged',
] as const;
export const TicketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketState>;

/** States in which the ticket is still someone's open work. */
export const OPEN_STATES: readonly TicketState[] = ['accepted', 'assigned', 'in_progress', 'pending', 'answered', 'follow_up'];

/** Why a ticket waits: an explicit state, never free text, because SLA clocks pause on it. */
export const PENDING_REASONS = ['customer', 'third_party'] as const;
export const PendingReason = z.enum(PENDING_REASONS);
export type PendingReason = z.infer<typeof PendingReason>;

export const OUTCOMES = ['resolved', 'partly_resolved', 'not_resolved', 'unreachable'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** Actions that move a ticket between states. */
export const TICKET_ACTIONS = [
  'assign',
  'start',
  'pend',
  'resume',
  'transfer',
  'answer',
  'follow_up',
  'close',
  'reopen',
  'archive',
  'cancel',
  'merge',
] as const;
export const TicketAction = z.enum(TICKET_ACTIONS);
export type TicketAction = z.infer<typeof TicketAction>;

/** Timeline entries that do not change the state: a public reply, an internal note, a call record. */
export const NOTE_KINDS = ['public_reply', 'internal_note', 'call_record'] as const;
export const NoteKind = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKind>;

export const TICKET_LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  noteMax: 10_000,
  /** 重复投诉: same customer, same level-2 category, within this many days */
  repeatWindowDays: 30,
} as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

export const CustomerInput = z.strictObject({
  /** a customer picked in the look-up; phone and number are then not needed */
  id: Uuid.optional(),
  name: z.string().trim().max(LIMITS.nameMax).optional(),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{9,11}$/, 'phone must be a mainland mobile or landline number').optional(),
  customerNo: z.string().trim().max(40).optional(),
  tier: z.enum(['vip', 'normal']).optional(),
});

export const CreateTicketBody = z.strictObject({
  type: RequestType,
  channel: Channel,
  priority: Priority.default('normal'),
  title: Text(TICKET_LIMITS.titleMax),
  description: z.string().trim().max(TICKET_LIMITS.descriptionMax).default(''),
  categoryId: Uuid,
  orgUnitId: Uuid,
  customer: CustomerInput.refine((c) => c.id || c.phone || c.customerNo, 'pick a customer or give their phone or customer number'),
  escalated: z.boolean().default(false),
  escalationSource: z.string().trim().max(100).optional(),
  regulatorAppeal: z.boolean().default(false),
  /** 群体性投诉: many customers acting together (a petition, a crowd at a store): raises a red warning */
  groupComplaint: z.boolean().default(false),
  /** a business request that opens or changes a service: closing then needs 客户确认 */
  changesService: z.boolean().default(false),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const TransitionBody = z.strictObject({
  action: TicketAction,
  /** optimistic concurrency: the version the caller read */
  version: z.number().int(),
  assigneeId: Uuid.optional(),
  reason: z.string().trim().max(500).optional(),
  pendingReason: PendingReason.optional(),
  reply: z.string().trim().max(TICKET_LIMITS.noteMax).optional(),
  outcome: Outcome.optional(),
  confirmation: z
    .strictObject({ channel: Channel.or(z.literal('sms')), at: z.iso.datetime({ offset: true }), evidence: z.string().trim().min(1).max(500) })
    .optional(),
  followUpResult: z.string().trim().max(1000).optional(),
  survivorId: Uuid.optional(),
  /** assign/transfer: the group (queue) the ticket moves to; a transfer to a group alone puts it back in that queue unassigned */
  groupId: Uuid.optional(),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

/**
 * Work views: `mine` = assigned to me; `my_groups` = in the queues of the groups I belong to;
 * `accepted` = taken by me as first-contact owner (首问负责人).
 */
export const TICKET_VIEWS = ['mine', 'my_groups', 'accepted'] as const;
export const TicketView = z.enum(TICKET_VIEWS);

export const TicketQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  view: TicketView.optional(),
  state: TicketState.optional(),
  type: RequestType.optional(),
  channel: Channel.optional(),
  priority: Priority.optional(),
  orgUnitId: Uuid.optional(),
  assigneeId: Uuid.optional(),
  /** 首问负责人: tickets the given user accepted */
  firstOwnerId: Uuid.optional(),
  /** tickets waiting in, or handled by, this group's queue */
  groupId: Uuid.optional(),
  customerId: Uuid.optional(),
  categoryId: Uuid.optional(),
  escalated: QueryBool.optional(),
  repeat: QueryBool.optional(),
  open: QueryBool.optional(),
  /** a running SLA clock is past its deadline (超时) — the ticket's next deadline has passed */
  overdue: QueryBool.optional(),
  /** at risk or overdue (临近超时/超时): a running clock has passed its first pre-breach warning or its deadline; sort by `deadline` for time left */
  atRisk: QueryBool.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const Customer = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  name: z.string().nullable(),
  /** masked (138****1234) unless revealed through the audited reveal endpoint */
  phone: z.string().nullable(),
  customerNo: z.string().nullable(),
  tier: z.enum(['vip', 'normal']),
});
export type Customer = z.infer<typeof Customer>;

export const RevealedCustomer = z.object({ id: z.uuid(), phone: z.string().nullable(), idNumber: z.string().nullable() });

export const Category = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  active: z.boolean(),
  path: z.array(z.uuid()),
});
export type Category = z.infer<typeof Category>;

/** SLA clock kinds: each non-null target of a ticket's policy (packages/contracts/src/sla.ts) is one clock. */
export const CLOCK_KINDS = ['first_response', 'next_response', 'resolution', 'follow_up'] as const;
export const ClockKind = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKind>;

/** A ticket's countdown in business minutes of its clock's calendar. */
export const TicketSlaSummary = z.object({
  kind: ClockKind,
  status: z.enum(['running', 'paused']),
  /** null while paused */
  deadline: z.string().nullable(),
  targetMinutes: z.number().int(),
  elapsedMinutes: z.number().int(),
  /** business minutes left; negative = overdue by that much */
  leftMinutes: z.number().int(),
  calendarKey: z.string(),
});
export type TicketSlaSummary = z.infer<typeof TicketSlaSummary>;

export const TicketSummary = z.object({
  id: z.uuid(),
  no: z.string(),
  type: RequestType,
  channel: Channel,
  priority: Priority,
  state: TicketState,
  pendingReason: PendingReason.nullable(),
  title: z.string(),
  categoryId: z.uuid(),
  categoryName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  customer: Customer,
  firstOwnerId: z.uuid(),
  firstOwnerName: z.string(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  groupId: z.uuid().nullable(),
  escalated: z.boolean(),
  regulatorAppeal: z.boolean(),
  groupComplaint: z.boolean(),
  repeatOf: z.uuid().nullable(),
  mergedInto: z.uuid().nullable(),
  outcome: Outcome.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  /** the countdown lists show: the running clock due first, else a paused one; null without live clocks */
  sla: TicketSlaSummary.nullable().optional(),
  /** full-text rank when listed with q */
  rank: z.number().optional(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

/**
 * A full-text search ranks at most this many matches: when more match, relevance orders the newest
 * this many (ranking every one of a hundred thousand matches costs seconds). Filters, more words or
 * a date range narrow the matches until all are ranked.
 */
export const SEARCH_RANK_WINDOW = 1_000;

/** The ticket list; `rankedNewest` is set when a ranked search matched more than it ranks. */
export const TicketPage = pageOf(TicketSummary).extend({ rankedNewest: z.number().int().optional() });
export type TicketPage = z.infer<typeof TicketPage>;

export const TicketEvent = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  /** sla: a pre-breach warning, breach or escalation of an SLA clock (by the system; data says which) */
  kind: z.enum(['created', 'transition', 'note', 'sla']),
  action: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  body: z.string().nullable(),
  data: z.unknown().nullable(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;


/**
 * running: counting toward `deadline` (which may already have passed: overdue, not yet satisfied);
 * paused: the ticket waits on the customer or a third party — no deadline, never breached;
 * met / breached: satisfied at `metAt`, on time or late; cancelled: no longer applies.
 */
export const CLOCK_STATUSES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export const ClockStatus = z.enum(CLOCK_STATUSES);
export type ClockStatus = z.infer<typeof ClockStatus>;

/** One SLA clock as the ticket page shows it (business minutes on `calendarKey`). */
export const TicketClock = z.object({
  kind: ClockKind,
  /** resolution cycles restart on reopen; next-response cycles after each response */
  cycle: z.number().int(),
  status: ClockStatus,
  policyId: z.uuid(),
  calendarKey: z.string(),
  targetMinutes: z.number().int(),
  /** business minutes counted so far (up to now when running) */
  elapsedMinutes: z.number().int(),
  startedAt: z.string(),
  pausedSince: z.string().nullable(),
  /** null while paused */
  deadline: z.string().nullable(),
  metAt: z.string().nullable(),
});
export type TicketClock = z.infer<typeof TicketClock>;


/** What the SLA alert sweep recorded on a ticket (timeline entries of kind `sla` carry this as data). */
export const SLA_STAGE_KINDS = ['warning', 'breach', 'escalation'] as const;
export const SlaAlertData = z.object({
  /** warning:50 / breach / escalation:1 … */
  stage: z.string(),
  stageKind: z.enum(SLA_STAGE_KINDS),
  /** warnings: percent of the target; escalations: the level (1-based) */
  level: z.number().int().nullable(),
  clockKind: ClockKind,
  cycle: z.number().int(),
  /** when the stage was reached; delivery may be later when held to working hours or caught up */
  dueAt: z.string(),
  deadline: z.string().nullable(),
  /** user ids notified */
  notified: z.array(z.uuid()),
  /** their display names at the time, so the timeline can say who was told */
  notifiedNames: z.array(z.string()).optional(),
});
export type SlaAlertData = z.infer<typeof SlaAlertData>;

export const TicketDetail = TicketSummary.extend({
  description: z.string(),
  escalationSource: z.string().nullable(),
  changesService: z.boolean(),
  confirmation: z.unknown().nullable(),
  followUpResult: z.string().nullable(),
  transferCount: z.number().int(),
  reopenCount: z.number().int(),
  answeredAt: z.string().nullable(),
  events: z.array(TicketEvent),
  /** the earlier tickets this one repeats, and tickets merged into this one */
  related: z.array(z.object({ id: z.uuid(), no: z.string(), title: z.string(), state: TicketState, relation: z.enum(['repeat_of', 'repeated_by', 'merged_into', 'merged_from']) })),
  allowedActions: z.array(TicketAction),
  /** SLA clocks, every cycle, in kind then cycle order (optional: absent on older answers) */
  clocks: z.array(TicketClock).optional(),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const AddNoteBody = z.strictObject({
  kind: NoteKind,
  body: z.string().trim().min(1, 'write something').max(TICKET_LIMITS.noteMax),
});

/** Actions a work list can apply to many selected tickets at once. */
export const BULK_ACTIONS = ['assign', 'transfer', 'close'] as const;
export const BULK_LIMITS = { maxItems: 200 } as const;

export const BulkTransitionBody = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  /** each ticket with the version the caller saw, so a ticket changed meanwhile is refused, not overwritten */
  items: z
    .array(z.strictObject({ id: Uuid, version: z.number().int() }))
    .min(1, 'select at least one ticket')
    .max(BULK_LIMITS.maxItems, `at most ${BULK_LIMITS.maxItems} tickets at once`)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'a ticket is listed twice'),
  assigneeId: Uuid.optional(),
  groupId: Uuid.optional(),
  reason: z.string().trim().max(500).optional(),
  outcome: Outcome.optional(),
  followUpResult: z.string().trim().max(1000).optional(),
});
export type BulkTransitionBody = z.infer<typeof BulkTransitionBody>;

export const BulkTransitionResult = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** one entry per requested ticket, in request order */
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      no: z.string().nullable(),
      state: TicketState.nullable(),
      version: z.number().int().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
export type BulkTransitionResult = z.infer<typeof BulkTransitionResult>;

export const EXPORT_LIMITS = { maxRows: 100_000 } as const;
export const TicketExportQuery = TicketQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
});

/** `deadline`: the ticket's next SLA deadline (soonest first ascending; tickets with no running clock last) */
export const TICKET_SORT_FIELDS = ['createdAt', 'updatedAt', 'priority', 'state', 'no', 'deadline'] as const;

export const CustomerQuery = z.strictObject({
  /** phone (or its first digits), customer number or name */
  q: z.string().trim().min(2, 'type at least 2 characters').max(40),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

/** Someone a ticket can be assigned or transferred to. */
export const Assignee = z.object({ id: z.uuid(), displayName: z.string(), username: z.string(), role: z.string(), orgUnitId: z.uuid(), orgUnitName: z.string() });
export const AssigneeQuery = z.strictObject({ q: z.string().trim().max(40).optional(), orgUnitId: Uuid.optional() });

/**
 * Category administration. Codes and parents never change once created (tickets, imports and
 * reports refer to them), and categories are never deleted: retired ones stay valid on old tickets.
 */
export const CATEGORY_LIMITS = {
  /** the seed fills levels 1–3 (3 categories, 19 perception elements, topics); admins may go deeper */
  maxLevel: 5,
  sortMax: 9999,
} as const;

/** A category with its position among its siblings, as the admin screen lists and edits it. */
export const CategoryNode = Category.extend({ sort: z.number().int() });
export type CategoryNode = z.infer<typeof CategoryNode>;

const CategorySort = z.number().int().min(0).max(CATEGORY_LIMITS.sortMax);
const CategoryNameEn = z.string().trim().max(LIMITS.nameMax).nullable().optional();

export const CreateCategoryBody = z.strictObject({
  /** null creates a new top-level category (level 1) */
  parentId: Uuid.nullable(),
  code: Code,
  name: Name,
  nameEn: CategoryNameEn,
  /** position among the siblings; after the last one when absent */
  sort: CategorySort.optional(),
});
export type CreateCategoryBody = z.infer<typeof CreateCategoryBody>;

const IMMUTABLE_CATEGORY_KEYS = ['code', 'parentId', 'parent', 'level', 'path'];
export const UpdateCategoryBody = z.strictObject(
  {
    name: Name.optional(),
    nameEn: CategoryNameEn,
    sort: CategorySort.optional(),
    /** false retires the category and everything below it; true needs an active parent */
    active: z.boolean().optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys' && iss.keys.some((k) => IMMUTABLE_CATEGORY_KEYS.includes(k))
        ? `a category's code and parent cannot change (tickets, imports and reports refer to them); retire it and create a new one instead (sent: ${iss.keys.join(', ')})`
        : undefined,
  },
);
export type UpdateCategoryBody = z.infer<typeof UpdateCategoryBody>;
