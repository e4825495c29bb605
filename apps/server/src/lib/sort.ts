import { badRequest } from './errors.js';

/** Parses `field` / `-field` against an allow-list; an unknown field is a 400, not a silent default. */
export function parseSort<K extends string>(sort: string | undefined, allowed: readonly K[], fallback: string) {
  const s = sort ?? fallback;
  const field = (s.startsWith('-') ? s.slice(1) : s) as K;
  if (!allowed.includes(field)) {
    throw badRequest(`cannot sort by "${field}"; use one of ${allowed.join(', ')}`);
  }
  return { field, desc: s.startsWith('-') };
}
