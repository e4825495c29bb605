import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  SurveyBreakdown,
  SurveyCommentPage,
  SurveyKeywords,
  SurveyTrend,
  type ScoreBand,
  type SURVEY_BREAKDOWN_SORTS,
  type SURVEY_COMMENT_SORTS,
  type SurveyBreakdownDimension,
  type TrendGranularity,
} from '@qloop/contracts';
import { api } from './client';
import type { SurveyAnalysisParams } from './survey-analysis';

/**
 * The satisfaction analysis's trend, breakdowns, comments and keyword cloud. Every key starts with
 * the surveys' key like the analysis itself, so a change to a survey refreshes them too; the
 * previous data stays up while the next loads.
 */

/** GET /survey-analysis/trend: figures per day, week or month, each with its count. */
export function useSurveyTrend(params: SurveyAnalysisParams | undefined, granularity: TrendGranularity) {
  return useQuery({
    queryKey: ['surveys', 'analysis', 'trend', params ?? null, granularity],
    queryFn: ({ signal }) =>
      api.get('/survey-analysis/trend', SurveyTrend, { ...params, granularity }, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}

export interface BreakdownParams {
  by: SurveyBreakdownDimension;
  categoryLevel: 1 | 2;
  sort: (typeof SURVEY_BREAKDOWN_SORTS)[number];
  page: number;
  pageSize: number;
}

/** GET /survey-analysis/breakdown: answers, CSAT and NPS by channel, category, staff or unit, sorted and paged by the server. */
export function useSurveyBreakdown(params: SurveyAnalysisParams | undefined, b: BreakdownParams) {
  return useQuery({
    queryKey: ['surveys', 'analysis', 'breakdown', params ?? null, b],
    queryFn: ({ signal }) =>
      api.get('/survey-analysis/breakdown', SurveyBreakdown, { ...params, ...b }, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}

/** What narrows the comments and the cloud. */
export interface CommentFilter {
  band?: ScoreBand;
  /** only comments containing it (the cloud's selection; the cloud itself ignores it) */
  keyword?: string;
}

/** GET /survey-analysis/keywords: the keyword cloud of the comments in the band chosen. */
export function useSurveyKeywords(
  params: SurveyAnalysisParams | undefined,
  band: ScoreBand | undefined,
  limit: number,
) {
  return useQuery({
    queryKey: ['surveys', 'analysis', 'keywords', params ?? null, band ?? null, limit],
    queryFn: ({ signal }) =>
      api.get('/survey-analysis/keywords', SurveyKeywords, { ...params, band, limit }, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}

/** GET /survey-analysis/comments: the comments, filtered, sorted and paged by the server. */
export function useSurveyComments(
  params: SurveyAnalysisParams | undefined,
  f: CommentFilter & { sort: (typeof SURVEY_COMMENT_SORTS)[number]; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['surveys', 'analysis', 'comments', params ?? null, f],
    queryFn: ({ signal }) =>
      api.get('/survey-analysis/comments', SurveyCommentPage, { ...params, ...f }, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}
