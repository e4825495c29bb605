import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ExternalValue,
  ImportExternalValuesResult,
  Indicator,
  IndicatorSettingsView,
  IndicatorUnitSetting,
  pageOf,
  type CreateIndicatorBody,
  type ImportMode,
  type IndicatorSettingsBody,
  type UpdateIndicatorBody,
} from '@qloop/contracts';
import { z } from 'zod';
import { api } from '../../api/client';
import { uploadFile } from '../../api/upload';

const ValuesPage = pageOf(ExternalValue);
const IndicatorOwner = z.object({ key: z.string(), departmentId: z.string().nullable() });

/**
 * Everything a change to the library touches: the list, the settings, the figures the dashboard
 * shows (their target, thresholds and colour come from the settings), the supplied values.
 */
function useInvalidateLibrary() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [
        'indicators',
        'indicator-settings',
        'indicator-value',
        'indicator-breakdown',
        'indicator-series',
        'indicator-external-values',
      ].map((k) => qc.invalidateQueries({ queryKey: [k] })),
    );
}

/** An indicator's settings per org unit, and the effective ones of `orgUnit` (default: the caller's unit). */
export function useIndicatorSettings(key: string | null, orgUnit: string | undefined) {
  return useQuery({
    queryKey: ['indicator-settings', key, orgUnit],
    queryFn: ({ signal }) =>
      api.get(`/indicators/${key}/settings`, IndicatorSettingsView, { orgUnit }, signal),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}

export function useSaveIndicatorSettings() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({
      key,
      orgUnitId,
      ...body
    }: z.input<typeof IndicatorSettingsBody> & { key: string; orgUnitId: string }) =>
      api.put(`/indicators/${key}/settings/${orgUnitId}`, body, IndicatorUnitSetting),
    // also after a 409: the form reloads the version someone else saved
    onSettled: invalidate,
  });
}

export function useDeleteIndicatorSettings() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ key, orgUnitId, version }: { key: string; orgUnitId: string; version: number }) =>
      api.del(`/indicators/${key}/settings/${orgUnitId}?version=${version}`),
    onSettled: invalidate,
  });
}

export function useCreateIndicator() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateIndicatorBody>) => api.post('/indicators', body, Indicator),
    onSuccess: invalidate,
  });
}

export function useUpdateIndicator() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ key, ...body }: z.input<typeof UpdateIndicatorBody> & { key: string }) =>
      api.put(`/indicators/${key}`, body, Indicator),
    onSettled: invalidate,
  });
}

export function useDeleteIndicator() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (key: string) => api.del(`/indicators/${key}`),
    onSuccess: invalidate,
  });
}

/** The figures supplied for an external indicator, newest period first. */
export function useExternalValues(
  key: string | null,
  f: { orgUnit?: string; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['indicator-external-values', key, f],
    queryFn: ({ signal }) => api.get(`/indicators/${key}/values`, ValuesPage, { ...f }, signal),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}

/** Upload for a dry run (checks only) or the real import; the caller shows `onProgress`. */
export function useImportExternalValues() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean; mode: ImportMode; onProgress: (p: number) => void }) =>
      uploadFile('/indicators/values/import', v.file, {
        query: { dryRun: v.dryRun, mode: v.mode },
        schema: ImportExternalValuesResult,
        onProgress: v.onProgress,
      }),
    onSuccess: (r) => {
      if (!r.dryRun) void invalidate();
    },
  });
}

/** 13+N: sets (or clears) the department that owns an indicator's number at its own org unit. */
export function useSetIndicatorOwner() {
  const invalidate = useInvalidateLibrary();
  return useMutation({
    mutationFn: ({ key, departmentId }: { key: string; departmentId: string | null }) =>
      api.put(`/indicators/${key}/owner`, { departmentId }, IndicatorOwner),
    onSuccess: invalidate,
  });
}
