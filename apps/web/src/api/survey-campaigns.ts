import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Campaign, CampaignDetail, CampaignPreview, CampaignRound, pageOf, type CAMPAIGN_SORTS, type CampaignSave } from '@qloop/contracts';
import { api } from './client';

const CampaignList = pageOf(Campaign);

/** Filters of GET /survey-campaigns as the list sends them. */
export interface CampaignFilters {
  page: number;
  pageSize: number;
  sort?: (typeof CAMPAIGN_SORTS)[number];
  q?: string;
  orgUnit?: string;
  active?: boolean;
}

const campaignsKey = ['survey-campaigns'] as const;

/** GET /survey-campaigns: filtered, sorted and paged by the server; refreshed while a round is sending. */
export function useCampaigns(filters: CampaignFilters) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', filters],
    queryFn: ({ signal }) => api.get('/survey-campaigns', CampaignList, { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((c) => c.lastRound?.state === 'sending') ? 3_000 : false),
  });
}

/** GET /survey-campaigns/{id}: every round with its strata and progress; polled while one is sending. */
export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'detail', id],
    queryFn: ({ signal }) => api.get(`/survey-campaigns/${id}`, CampaignDetail, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.roundList.some((r) => r.state === 'sending') ? 3_000 : false),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: campaignsKey });
}

/** POST /survey-campaigns/preview: population and quota per unit, nothing written. */
export function usePreviewCampaign() {
  return useMutation({ mutationFn: (body: CampaignSave) => api.post('/survey-campaigns/preview', body, CampaignPreview) });
}

/** POST /survey-campaigns, or PUT /survey-campaigns/{id} with the rowVersion shown. */
export function useSaveCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, rowVersion, body }: { id?: string; rowVersion?: number; body: CampaignSave }) =>
      id ? api.put(`/survey-campaigns/${id}`, { ...body, rowVersion }, Campaign) : api.post('/survey-campaigns', body, Campaign),
    onSettled: invalidate,
  });
}

/** POST /survey-campaigns/{id}/rounds: draw the sample now; the invitations follow in batches. */
export function useStartRound() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post(`/survey-campaigns/${id}/rounds`, {}, CampaignRound),
    onSettled: invalidate,
  });
}
