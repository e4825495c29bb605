import { z } from 'zod';
import { PageQuery } from './common.js';

/*
 * Periodic satisfaction campaigns (满意度测评活动): a published survey sent to a random sample of an
 * org unit's customers, stratified by its child units (each with its subtree) with proportional
 * quotas within optional per-stratum bounds. Each run is a round with its own seed, so a sample can
 * be reproduced and explained.
 */

export const CAMPAIGN_RECURRENCES = ['once', 'monthly', 'quarterly'] as const;
export const CampaignRecurrence = z.enum(CAMPAIGN_RECURRENCES);
export const CAMPAIGN_CHANNELS = ['sms', 'link'] as const;
export const CAMPAIGN_LIMITS = { sampleSizeMax: 100_000, nameMax: 100 } as const;

const Whole = (max: number) => z.number().int().min(0).max(max);

export const CampaignSave = z
  .strictObject({
    name: z.string().trim().min(1, 'give the campaign a name').max(CAMPAIGN_LIMITS.nameMax),
    surveyId: z.uuid(),
    /** the population: customers of this unit and everything below it; its child units are the strata */
    orgUnitId: z.uuid(),
    /** customer tiers to include (empty = all) */
    tiers: z.array(z.enum(['vip', 'normal'])).max(2).default([]),
    /** only customers with a ticket accepted within this many days (null = every customer) */
    activeWithinDays: z.number().int().min(1).max(730).nullable().default(null),
    sampleSize: z.number().int().min(1).max(CAMPAIGN_LIMITS.sampleSizeMax),
    minPerStratum: Whole(CAMPAIGN_LIMITS.sampleSizeMax).nullable().default(null),
    maxPerStratum: Whole(CAMPAIGN_LIMITS.sampleSizeMax).nullable().default(null),
    channel: z.enum(CAMPAIGN_CHANNELS).default('sms'),
    expiresInDays: z.number().int().min(1).max(90).default(7),
    /** customers invited to any survey within this many days are left out of the population */
    cooldownDays: z.number().int().min(0).max(365).default(30),
    recurrence: CampaignRecurrence.default('once'),
    /** when the next round starts by itself (null: only when started by hand) */
    nextRunAt: z.iso.datetime({ offset: true }).nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((c) => c.minPerStratum === null || c.maxPerStratum === null || c.minPerStratum <= c.maxPerStratum, {
    message: 'the minimum per unit is above the maximum per unit',
    path: ['minPerStratum'],
  });
export type CampaignSave = z.input<typeof CampaignSave>;
export const CampaignUpdate = CampaignSave.and(z.object({ rowVersion: z.number().int().min(1) }));
export type CampaignUpdate = z.input<typeof CampaignUpdate>;

/** One stratum of a drawn (or previewed) sample: population, exact proportional share and whole quota. */
export const CampaignStratum = z.object({
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  population: z.number().int(),
  share: z.number(),
  quota: z.number().int(),
});
export type CampaignStratum = z.infer<typeof CampaignStratum>;
export const CampaignPreview = z.object({ population: z.number().int(), sampled: z.number().int(), strata: z.array(CampaignStratum) });
export type CampaignPreview = z.infer<typeof CampaignPreview>;

export const CAMPAIGN_ROUND_STATES = ['sending', 'done', 'failed'] as const;
export const CampaignRound = z.object({
  id: z.uuid(),
  roundNo: z.number().int(),
  /** the version sent; null on a round that failed because the survey was not published */
  surveyVersion: z.number().int().nullable(),
  seed: z.number().int(),
  state: z.enum(CAMPAIGN_ROUND_STATES),
  trigger: z.enum(['manual', 'schedule']),
  population: z.number().int(),
  sampled: z.number().int(),
  /** invitations written so far (progress: invited / sampled) */
  invited: z.number().int(),
  /** sampled customers not invited after all (consent withdrawn or phone removed since the draw) */
  skipped: z.number().int(),
  answered: z.number().int(),
  /** answered / invited, null before anyone was invited */
  responseRate: z.number().nullable(),
  strata: z.array(CampaignStratum),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CampaignRound = z.infer<typeof CampaignRound>;

export const Campaign = z.object({
  id: z.uuid(),
  name: z.string(),
  surveyId: z.uuid(),
  surveyCode: z.string(),
  surveyNameZh: z.string(),
  surveyNameEn: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  tiers: z.array(z.string()),
  activeWithinDays: z.number().int().nullable(),
  sampleSize: z.number().int(),
  minPerStratum: z.number().int().nullable(),
  maxPerStratum: z.number().int().nullable(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  expiresInDays: z.number().int(),
  cooldownDays: z.number().int(),
  recurrence: CampaignRecurrence,
  nextRunAt: z.string().nullable(),
  active: z.boolean(),
  rowVersion: z.number().int(),
  rounds: z.number().int(),
  lastRound: CampaignRound.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignDetail = Campaign.extend({ roundList: z.array(CampaignRound) });
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const CAMPAIGN_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'nextRunAt', '-nextRunAt'] as const;
export const CampaignListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  surveyId: z.uuid().optional(),
  orgUnit: z.uuid().optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(CAMPAIGN_SORTS).default('-createdAt'),
});
export type CampaignListQuery = z.input<typeof CampaignListQuery>;
export const CampaignActionBody = z.strictObject({ rowVersion: z.number().int().min(1) });
