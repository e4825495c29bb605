import { randomInt } from 'node:crypto';

// Crockford base32 without I, L, O, U: read out over the phone without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random 10-character code: 32^10 ≈ 10^15 possibilities, and lookups also need the phone's last 4 digits. */
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
