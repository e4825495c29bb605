import { z } from 'zod';
import { LIMITS, Uuid } from './common.js';
import { Code, Name } from './org.js';
import { Channel, RequestType } from './tickets.js';

/**
 * Groups (处理组/队列) of people who handle tickets, and ordered assignment rules that route new
 * tickets to a group and pick a member by a strategy.
 */
export const ASSIGN_STRATEGIES = ['round_robin', 'least_open', 'skill'] as const;
export const AssignStrategy = z.enum(ASSIGN_STRATEGIES);
export type AssignStrategy = z.infer<typeof AssignStrategy>;

const Skill = z.string().trim().min(1).max(40);

export const GroupMember = z.object({ userId: z.uuid(), displayName: z.string(), skills: z.array(z.string()) });
export const Group = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  orgUnitId: z.uuid(),
  departmentId: z.uuid().nullable(),
  active: z.boolean(),
  /** the group lead (组长), notified by SLA escalations naming group_lead; a member of the group */
  leadUserId: z.uuid().nullable(),
  members: z.array(GroupMember),
});
export type Group = z.infer<typeof Group>;

const MemberInput = z.strictObject({ userId: Uuid, skills: z.array(Skill).max(20).default([]) });
export const CreateGroupBody = z.strictObject({
  code: Code,
  name: Name,
  orgUnitId: Uuid,
  departmentId: Uuid.nullable().optional(),
  leadUserId: Uuid.nullable().optional(),
  members: z.array(MemberInput).max(200).default([]),
});
export const UpdateGroupBody = z.strictObject({
  name: Name.optional(),
  active: z.boolean().optional(),
  leadUserId: Uuid.nullable().optional(),
  members: z.array(MemberInput).max(200).optional(),
});

/** Every listed condition must hold; an empty or absent list matches anything. */
export const RuleConditions = z.strictObject({
  types: z.array(RequestType).optional(),
  channels: z.array(Channel).optional(),
  /** matches these categories and everything below them */
  categoryIds: z.array(Uuid).optional(),
  /** matches tickets of these org units and everything below them */
  orgUnitIds: z.array(Uuid).optional(),
  tiers: z.array(z.enum(['vip', 'normal'])).optional(),
});
export type RuleConditions = z.infer<typeof RuleConditions>;

export const AssignmentRule = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  conditions: RuleConditions,
  groupId: z.uuid(),
  strategy: AssignStrategy,
  skill: z.string().nullable(),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

const ruleFields = {
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  active: z.boolean().default(true),
  conditions: RuleConditions.default({}),
  groupId: Uuid,
  strategy: AssignStrategy,
  skill: Skill.nullable().optional(),
};
export const CreateRuleBody = z
  .strictObject(ruleFields)
  .refine((r) => r.strategy !== 'skill' || !!r.skill, { message: 'the skill strategy needs a skill', path: ['skill'] });
export const UpdateRuleBody = z.strictObject({
  name: ruleFields.name.optional(),
  active: z.boolean().optional(),
  conditions: RuleConditions.optional(),
  groupId: Uuid.optional(),
  strategy: AssignStrategy.optional(),
  skill: Skill.nullable().optional(),
});
/** The complete new order of all rules, first to last. */
export const ReorderRulesBody = z.strictObject({ ids: z.array(Uuid).min(1) });
