import type { SurveyQuestion } from '@qloop/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveSurveyProgress, saveSurveyProgressOnLeave } from '../../api/survey-answer';
import { refusalOf, toPayload, type Draft, type PageRefusal } from './answers';

/** How long the page waits after the last change before saving the progress. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/* ---------- the answers kept on the phone too (until they are submitted) ---------- */

const storageKey = (token: string) => `qloop.survey.${token.slice(-48)}`;

/**
 * The answers as last kept in the browser (null when none). Kept even once saved: a half-done
 * SERVQUAL pair is not sent to the server, and a reload should not lose it either.
 */
export function readPending(token: string): unknown {
  try {
    const raw = localStorage.getItem(storageKey(token));
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}
function writePending(token: string, draft: Draft) {
  try {
    localStorage.setItem(storageKey(token), JSON.stringify(draft));
  } catch {
    // private mode or full storage: the answers still live in the page
  }
}
export function clearPending(token: string) {
  try {
    localStorage.removeItem(storageKey(token));
  } catch {
    // as above
  }
}

/**
 * Saves the progress a moment after the customer stops changing answers. Every change is first
 * kept in the browser, so a network failure or a reload loses nothing; a failed save says so and
 * is tried again on the next change, on "retry", or when the phone is back online. `revision`
 * counts the customer's changes (0: nothing changed since the page loaded).
 */
export function useAutosave(o: {
  token: string;
  questions: readonly SurveyQuestion[];
  draft: Draft;
  revision: number;
  onRefused: (r: PageRefusal) => void;
}) {
  const { token, questions, draft, revision, onRefused } = o;
  const [state, setState] = useState<SaveState>('idle');
  const latest = useRef({ draft, revision, questions, onRefused });
  const savedRevision = useRef(0);
  const inflight = useRef(false);
  const again = useRef(false);
  /** set while the answers are being submitted, and for good once they are in */
  const paused = useRef(false);

  useEffect(() => {
    latest.current = { draft, revision, questions, onRefused };
  });

  const save = useCallback(async () => {
    if (paused.current) return;
    if (inflight.current) {
      // a change while a save is on its way: one more round once it is back
      again.current = true;
      return;
    }
    inflight.current = true;
    try {
      do {
        again.current = false;
        const { draft: d, revision: rev, questions: qs } = latest.current;
        if (rev === savedRevision.current) break;
        setState('saving');
        try {
          await saveSurveyProgress(token, toPayload(qs, d));
          if (paused.current) break;
          savedRevision.current = rev;
          if (rev === latest.current.revision) setState('saved');
        } catch (e) {
          if (paused.current) break;
          const refusal = refusalOf(e as { status: number });
          // the link stopped being answerable (expired, answered elsewhere, survey closed): say so
          if (refusal && refusal !== 'busy' && refusal !== 'network') {
            clearPending(token);
            latest.current.onRefused(refusal);
          } else setState('failed');
          break;
        }
      } while (again.current && !paused.current);
    } finally {
      inflight.current = false;
    }
  }, [token]);

  // a change: keep it on the phone at once, save it when the customer pauses
  useEffect(() => {
    if (revision === 0) return;
    writePending(token, draft);
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [token, draft, revision, save]);

  // back online after a failure; the page hidden or closed with changes not yet saved
  useEffect(() => {
    const online = () => void save();
    const leave = () => {
      const { draft: d, revision: rev, questions: qs } = latest.current;
      if (!paused.current && rev !== savedRevision.current)
        saveSurveyProgressOnLeave(token, toPayload(qs, d));
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [token, save]);

  return {
    state,
    retry: () => void save(),
    /** stops saving while the answers are submitted (a save landing after them would be refused) */
    pause: () => {
      paused.current = true;
    },
    resume: () => {
      paused.current = false;
      void save();
    },
    /** the answers are in: nothing more to save or keep */
    finish: () => {
      paused.current = true;
      clearPending(token);
    },
  };
}
