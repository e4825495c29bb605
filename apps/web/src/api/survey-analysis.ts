import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SurveyAnalysis } from '@qloop/contracts';
import { api } from './client';

/** What GET /survey-analysis is asked: a survey, an org unit with its subtree, days YYYY-MM-DD inclusive. */
export interface SurveyAnalysisParams {
  survey: string;
  orgUnit: string;
  from: string;
  to: string;
}

/**
 * GET /survey-analysis: CSAT, NPS, perception elements and the satisfaction index, SERVQUAL gaps,
 * IPA quadrants and the child units' figures. Starts with the surveys' key, so a change to a
 * survey refreshes its analysis too; the previous figures stay up while the next ones load.
 */
export function useSurveyAnalysis(params: SurveyAnalysisParams | undefined) {
  return useQuery({
    queryKey: ['surveys', 'analysis', params ?? null],
    queryFn: ({ signal }) => api.get('/survey-analysis', SurveyAnalysis, { ...params }, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}
