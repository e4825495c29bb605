import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import type { LiveOptions } from '../../api/indicators';

/** The wall screen (大屏模式) refreshes every figure this often. */
export const WALL_REFRESH_MS = 60_000;

interface WallMode extends LiveOptions {
  wall: boolean;
}

const WallModeContext = createContext<WallMode>({ wall: false, refetchInterval: false });
export const WallModeProvider = WallModeContext.Provider;

/** Whether the dashboard is on the wall screen, and how often its figures refetch. */
export const useWallMode = () => useContext(WallModeContext);
export const OFFICE_MODE: WallMode = { wall: false, refetchInterval: false };
export const WALL_MODE: WallMode = { wall: true, refetchInterval: WALL_REFRESH_MS };

/** The queries the dashboard draws from. */
const DASHBOARD_QUERIES = new Set(['indicator-value', 'indicator-breakdown']);

/** When the dashboard's figures were last fetched (ms since the epoch; 0 before the first). */
export function useLastRefresh(): number {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((notify: () => void) => cache.subscribe(notify), [cache]);
  const snapshot = useCallback(
    () => cache.findAll({ predicate: (q) => DASHBOARD_QUERIES.has(String(q.queryKey[0])) }).reduce((m, q) => Math.max(m, q.state.dataUpdatedAt), 0),
    [cache],
  );
  return useSyncExternalStore(subscribe, snapshot);
}

/** Esc leaves the wall screen (unless `paused`, e.g. while a drawer takes the Esc to close). */
export function useEscapeToLeave(active: boolean, paused: boolean, leave: () => void) {
  useEffect(() => {
    if (!active || paused) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, paused, leave]);
}
