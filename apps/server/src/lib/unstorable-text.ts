/**
 * PostgreSQL cannot store NUL characters in text or jsonb, nor lone UTF-16 surrogates in jsonb.
 * Checking every incoming string once, before validation, turns what would be a database error
 * (a 500) into a 400 that names the field.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

/** The path of the first string in `value` that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? path || '(value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hasUnstorableText(k)) return `${path}.${k}`;
      const found = findUnstorableText(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}
