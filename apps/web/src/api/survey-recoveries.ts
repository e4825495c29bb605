import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  pageOf,
  SurveyRecovery,
  SurveyRecoverySurveys,
  type RecordRecoveryBody,
  type SURVEY_RECOVERY_SORTS,
  type SurveyRecoveryStatus,
} from '@qloop/contracts';
import { api } from './client';

const RecoveryPage = pageOf(SurveyRecovery);

/** Filters of GET /survey-recoveries as the list sends them. */
export interface RecoveryFilters {
  page: number;
  pageSize: number;
  sort?: (typeof SURVEY_RECOVERY_SORTS)[number];
  status?: SurveyRecoveryStatus;
  /** the org unit with its subtree */
  orgUnit?: string;
  survey?: string;
  /** answer days YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
}

/** Every recovery query starts with this key: recording an outcome refreshes the list and the ticket's card. */
export const recoveriesKey = ['survey-recoveries'] as const;

/** GET /survey-recoveries: filtered, sorted and paged by the server; the previous page stays up while the next loads. */
export function useRecoveries(filters: RecoveryFilters) {
  return useQuery({
    queryKey: [...recoveriesKey, 'list', filters],
    queryFn: ({ signal }) => api.get('/survey-recoveries', RecoveryPage, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The recovery a ticket was opened for, or null when the ticket is not a recovery ticket. */
export function useTicketRecovery(ticketId: string) {
  return useQuery({
    queryKey: [...recoveriesKey, 'ticket', ticketId],
    queryFn: async ({ signal }) =>
      (await api.get('/survey-recoveries', RecoveryPage, { ticketId, pageSize: 1 }, signal)).items[0] ?? null,
  });
}

/** GET /survey-recoveries/surveys: the surveys the list's survey filter offers (agents cannot list surveys themselves). */
export function useRecoverySurveys() {
  return useQuery({
    queryKey: [...recoveriesKey, 'surveys'],
    queryFn: ({ signal }) => api.get('/survey-recoveries/surveys', SurveyRecoverySurveys, undefined, signal),
    staleTime: 60_000,
  });
}

/** POST /survey-recoveries/{responseId}/outcome: was the customer won back? Once, after the ticket is closed. */
export function useRecordRecovery(responseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordRecoveryBody) =>
      api.post(`/survey-recoveries/${responseId}/outcome`, body, SurveyRecovery),
    onSuccess: (r) => {
      qc.setQueryData([...recoveriesKey, 'ticket', r.ticketId], r);
      void qc.invalidateQueries({ queryKey: recoveriesKey, predicate: (q) => q.queryKey[1] !== 'ticket' });
    },
    // a 409 means someone recorded it meanwhile (or the ticket was reopened): show it as it is now
    onError: () => qc.invalidateQueries({ queryKey: recoveriesKey }),
  });
}
