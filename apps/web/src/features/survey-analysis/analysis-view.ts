import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { periodRange } from '../dashboard/periods';

/**
 * The satisfaction analysis's view as it lives in the address bar, so a link reproduces it: the
 * survey, the org unit (with its subtree) and the period (a preset, or from–to).
 */
export const ANALYSIS_PERIODS = ['thisMonth', 'lastMonth', 'last3Months', 'thisYear'] as const;
export type AnalysisPeriod = (typeof ANALYSIS_PERIODS)[number];

export interface AnalysisView {
  /** undefined: the first published survey */
  survey?: string;
  /** undefined: the unit chosen in the header */
  orgUnit?: string;
  period: AnalysisPeriod | 'custom';
  /** the custom period, YYYY-MM-DD inclusive (only with period 'custom') */
  from?: string;
  to?: string;
}

export const DEFAULT_ANALYSIS_PERIOD: AnalysisPeriod = 'thisMonth';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The view a query string describes; anything unknown or invalid in a shared link is ignored. */
export function parseAnalysisView(params: URLSearchParams): AnalysisView {
  const get = (k: string) => params.get(k) ?? undefined;
  const from = get('from');
  const to = get('to');
  const custom = !!from && !!to && DAY.test(from) && DAY.test(to) && from <= to;
  const preset = get('period');
  const survey = get('survey');
  const orgUnit = get('orgUnit');
  return {
    survey: survey && UUID.test(survey) ? survey : undefined,
    orgUnit: orgUnit && UUID.test(orgUnit) ? orgUnit : undefined,
    period: custom
      ? 'custom'
      : (ANALYSIS_PERIODS as readonly string[]).includes(preset ?? '')
        ? (preset as AnalysisPeriod)
        : DEFAULT_ANALYSIS_PERIOD,
    from: custom ? from : undefined,
    to: custom ? to : undefined,
  };
}

/** The address of a view: only what differs from the defaults. */
export function analysisViewParams(view: Partial<AnalysisView>): URLSearchParams {
  const out = new URLSearchParams();
  if (view.survey) out.set('survey', view.survey);
  if (view.orgUnit) out.set('orgUnit', view.orgUnit);
  if (view.period === 'custom' && view.from && view.to) {
    out.set('from', view.from);
    out.set('to', view.to);
  } else if (view.period && view.period !== 'custom' && view.period !== DEFAULT_ANALYSIS_PERIOD)
    out.set('period', view.period);
  return out;
}

/**
 * First and last day (inclusive) of a preset in the organisation's time zone: the dashboard's
 * periods, plus the last three months (this month and the two before it, up to today).
 */
export function analysisRange(p: AnalysisPeriod, now: Date): { from: string; to: string } {
  if (p !== 'last3Months') return periodRange(p, now);
  const { to } = periodRange('thisMonth', now);
  const [y, m] = to.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10), to };
}

/** The days a view covers: the custom period as given, else its preset's. */
export function rangeOf(view: AnalysisView, now: Date): { from: string; to: string } {
  if (view.period === 'custom' && view.from && view.to) return { from: view.from, to: view.to };
  return analysisRange(view.period === 'custom' ? DEFAULT_ANALYSIS_PERIOD : view.period, now);
}

/** Reads and writes the view in the query string. */
export function useAnalysisView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseAnalysisView(params), [params]);

  /** Changes some of the view; `push` adds a history entry (drilling down), otherwise the address is replaced. */
  const patch = useCallback(
    (p: Partial<AnalysisView>, push = false) => {
      // from the address itself, so two changes made before the router committed do not undo each other
      const current = parseAnalysisView(new URLSearchParams(window.location.search));
      setParams(analysisViewParams({ ...current, ...p }), { replace: !push });
    },
    [setParams],
  );
  return { view, patch };
}
