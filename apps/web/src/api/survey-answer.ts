import { useQuery } from '@tanstack/react-query';
import { PublicSurvey, SurveySubmitResult, type SurveyAnswers } from '@qloop/contracts';
import { z } from 'zod';
import { API_BASE, api } from './client';

/**
 * The public answer page's calls (no session: the signed link token is the only credential).
 * The token goes into the path encoded, as the SMS link carries it.
 */
const base = (token: string) => `/public/surveys/${encodeURIComponent(token)}`;

/** The survey a link opens, with the progress saved so far. Loaded once: the page keeps its own answers. */
export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => api.get(base(token), PublicSurvey, undefined, signal),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnReconnect: false,
  });
}

const Ok = z.object({ ok: z.literal(true) });

export const saveSurveyProgress = (token: string, answers: SurveyAnswers) =>
  api.put(`${base(token)}/progress`, { answers }, Ok);

export const submitSurveyAnswers = (token: string, answers: SurveyAnswers) =>
  api.post(`${base(token)}/answers`, { answers }, SurveySubmitResult);

/** A last progress save as the page goes away (tab closed, phone locked): the browser finishes it on its own. */
export function saveSurveyProgressOnLeave(token: string, answers: SurveyAnswers): void {
  try {
    void fetch(`${API_BASE}${base(token)}/progress`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ answers }),
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => {});
  } catch {
    // nothing to do: the answers stay on the phone for the next visit
  }
}
