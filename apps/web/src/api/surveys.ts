import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  pageOf,
  SurveyDetail,
  SurveySummary,
  SurveyVersion,
  type CreateSurveyBody,
  type SaveSurveyDraftBody,
  type SURVEY_SORTS,
  type SurveyState,
} from '@qloop/contracts';
import { api, request } from './client';

const SurveyList = pageOf(SurveySummary);

/** Filters of GET /surveys as the list sends them. */
export interface SurveyFilters {
  page: number;
  pageSize: number;
  sort?: (typeof SURVEY_SORTS)[number];
  state?: SurveyState;
  /** code or name contains */
  q?: string;
}

/** Every survey query (list, detail, versions) starts with this key: one change refreshes them all. */
export const surveysKey = ['surveys'] as const;
const surveyKey = (id: string) => [...surveysKey, 'detail', id] as const;

/** GET /surveys: filtered, sorted and paged by the server. */
export function useSurveys(filters: SurveyFilters) {
  return useQuery({
    queryKey: [...surveysKey, 'list', filters],
    queryFn: ({ signal }) => api.get('/surveys', SurveyList, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /surveys/{id}: the survey with its draft, its published version and the published history. */
export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKey(id ?? ''),
    queryFn: ({ signal }) => api.get(`/surveys/${id}`, SurveyDetail, undefined, signal),
    enabled: !!id,
  });
}

/**
 * GET /surveys/{id}/versions/{v}: one version's content and its answers. A published version never
 * changes, but its answer count does: it is read afresh like any other query.
 */
export function useSurveyVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: [...surveysKey, 'version', id, version],
    queryFn: ({ signal }) => api.get(`/surveys/${id}/versions/${version}`, SurveyVersion, undefined, signal),
    enabled: version !== null,
  });
}

/** The answer of every change is the survey as it is now: shown at once, and the lists are stale. */
function useSurveyChanged() {
  const qc = useQueryClient();
  return {
    changed: (s: SurveyDetail) => {
      qc.setQueryData(surveyKey(s.id), s);
      void qc.invalidateQueries({ queryKey: surveysKey, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
    /** after a 409 (or any refusal): read the survey again, as someone else left it */
    reload: (id: string) => qc.invalidateQueries({ queryKey: surveyKey(id) }),
  };
}

/** POST /surveys: the content becomes draft version 1. */
export function useCreateSurvey() {
  const { changed } = useSurveyChanged();
  return useMutation({
    mutationFn: (body: CreateSurveyBody) => api.post('/surveys', body, SurveyDetail),
    onSuccess: changed,
  });
}

/** PUT /surveys/{id}/draft: saves the draft, or starts the next version from a published survey. */
export function useSaveSurveyDraft(id: string) {
  const { changed, reload } = useSurveyChanged();
  return useMutation({
    mutationFn: (body: SaveSurveyDraftBody) => api.put(`/surveys/${id}/draft`, body, SurveyDetail),
    onSuccess: changed,
    onError: () => reload(id),
  });
}

export type SurveyActionKind = 'publish' | 'discard' | 'retire' | 'reinstate';

/**
 * A lifecycle step with the rowVersion the page showed: publish the draft, discard it (DELETE
 * …/draft), retire, reinstate.
 */
export function useSurveyAction(id: string) {
  const { changed, reload } = useSurveyChanged();
  return useMutation({
    mutationFn: ({ action, rowVersion }: { action: SurveyActionKind; rowVersion: number }) =>
      action === 'discard'
        ? request(`/surveys/${id}/draft`, { method: 'DELETE', body: { rowVersion }, schema: SurveyDetail })
        : api.post(`/surveys/${id}/${action}`, { rowVersion }, SurveyDetail),
    onSuccess: changed,
    onError: () => reload(id),
  });
}
