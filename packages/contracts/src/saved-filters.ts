import { z } from 'zod';
import { LIMITS } from './common.js';
import { TicketQuery } from './tickets.js';

/**
 * Saved filters (常用筛选): a named set of list query parameters, kept as the strings the list URL
 * carries so that applying one is just navigating to it. Paging is not part of a filter.
 */
export const SAVED_FILTER_VIEWS = ['tickets'] as const;
export const SavedFilterView = z.enum(SAVED_FILTER_VIEWS);

export const SAVED_FILTER_LIMITS = { perUser: 50 } as const;

const FILTERABLE_TICKET_KEYS = Object.keys(TicketQuery.shape).filter((k) => k !== 'page' && k !== 'pageSize');

/** The list parameters of a saved ticket filter: known keys only, each valid as the list would read it. */
export const SavedTicketQuery = z
  .record(z.string(), z.string().max(200))
  .superRefine((q, ctx) => {
    const unknown = Object.keys(q).filter((k) => !FILTERABLE_TICKET_KEYS.includes(k));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `not a work-list filter: ${unknown.join(', ')}` });
      return;
    }
    const parsed = TicketQuery.safeParse(q);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

const FilterName = z.string().trim().min(1).max(LIMITS.nameMax);

export const SavedFilter = z.object({
  id: z.uuid(),
  view: SavedFilterView,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  shared: z.boolean(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  /** the caller may rename, change or delete it */
  mine: z.boolean(),
  updatedAt: z.string(),
});
export type SavedFilter = z.infer<typeof SavedFilter>;

export const SavedFilterListQuery = z.strictObject({ view: SavedFilterView.default('tickets') });

export const CreateSavedFilterBody = z.strictObject({
  view: SavedFilterView.default('tickets'),
  name: FilterName,
  query: SavedTicketQuery,
  /** visible to everyone (it still shows each person only the tickets in their own scope) */
  shared: z.boolean().default(false),
});

export const UpdateSavedFilterBody = z.strictObject({
  name: FilterName.optional(),
  query: SavedTicketQuery.optional(),
  shared: z.boolean().optional(),
});
