import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  pageOf,
  PublicScanPoint,
  ScanMintResult,
  SurveyScanPoint,
  type SCAN_POINT_SORTS,
  type ScanPointKind,
  type ScanPointSave,
} from '@qloop/contracts';
import { API_BASE, api } from './client';

const ScanPointList = pageOf(SurveyScanPoint);

/** Filters of GET /survey-scan-points as the list sends them. */
export interface ScanPointFilters {
  page: number;
  pageSize: number;
  sort?: (typeof SCAN_POINT_SORTS)[number];
  survey?: string;
  /** the unit and everything below it */
  orgUnit?: string;
  kind?: ScanPointKind;
  active?: boolean;
  /** label, code or staff name contains */
  q?: string;
}

/** Every scan-point query starts with this key: one change refreshes them all. */
export const scanPointsKey = ['survey-scan-points'] as const;

/** GET /survey-scan-points: filtered, sorted and paged by the server. */
export function useScanPoints(filters: ScanPointFilters) {
  return useQuery({
    queryKey: [...scanPointsKey, 'list', filters],
    queryFn: ({ signal }) => api.get('/survey-scan-points', ScanPointList, { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: scanPointsKey });
}

/** POST /survey-scan-points: a new point with a fresh public code. */
export function useCreateScanPoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ScanPointSave) => api.post('/survey-scan-points', body, SurveyScanPoint),
    onSuccess: invalidate,
  });
}

/** PUT /survey-scan-points/{id} with the rowVersion the page showed (409 when someone changed it since). */
export function useUpdateScanPoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: ScanPointSave & { id: string; rowVersion: number }) =>
      api.put(`/survey-scan-points/${id}`, body, SurveyScanPoint),
    // a refusal too: the list then shows the point as it is now
    onSettled: invalidate,
  });
}

/** Deactivate or reactivate a point. */
export function useScanPointAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      action,
      rowVersion,
    }: {
      id: string;
      action: 'deactivate' | 'reactivate';
      rowVersion: number;
    }) => api.post(`/survey-scan-points/${id}/${action}`, { rowVersion }, SurveyScanPoint),
    onSettled: invalidate,
  });
}

/**
 * The address of a point's QR image (same origin, the session cookie goes along): usable as an
 * <img> source and as a download link (the server names the file).
 */
export const scanPointQrUrl = (id: string, format: 'svg' | 'png', size?: number) =>
  `${API_BASE}/survey-scan-points/${id}/qr.${format}${size ? `?size=${size}` : ''}`;

/* ---------- public: the scan page (no sign-in) ---------- */

const scanBase = (code: string) => `/public/scan/${encodeURIComponent(code)}`;

/** What a scanned code rates, for "您正在评价：…". */
export function usePublicScanPoint(code: string) {
  return useQuery({
    queryKey: ['public-scan', code],
    queryFn: ({ signal }) => api.get(scanBase(code), PublicScanPoint, undefined, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** One scan: a fresh single-use link of the point's survey. */
export const mintScanLink = (code: string) => api.post(scanBase(code), undefined, ScanMintResult);
