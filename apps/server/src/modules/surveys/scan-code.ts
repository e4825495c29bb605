import { randomBytes } from 'node:crypto';
import { SCAN_CODE_PATTERN, SCAN_POINT_LIMITS } from '@qloop/contracts';

/** RFC 4648 base32: no 0/1/8/9, so a printed code has no O/0 or I/1 to mix up. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A new public scan code: 10 base32 characters from 50 random bits. The code is printed on a card,
 * so it is short; it is still far too many to walk (2^50 ≈ 10^15 against a few thousand points,
 * behind a per-address rate limit). `bytes` is for tests.
 */
export function newScanCode(bytes: Buffer = randomBytes(7)): string {
  let bits = 0n;
  for (const b of bytes.subarray(0, 7)) bits = (bits << 8n) | BigInt(b);
  // 56 bits read, the top 50 used: each character takes the next 5 bits from the top
  let out = '';
  for (let i = 0; i < SCAN_POINT_LIMITS.codeLength; i++) {
    out += ALPHABET[Number((bits >> BigInt(51 - 5 * i)) & 31n)];
  }
  return out;
}

/**
 * The code a scanned or typed address carries, normalised (upper case, no spaces or dashes a person
 * may have typed), or null when it cannot be a code — so the public lookup never runs on junk.
 */
export function normaliseScanCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return SCAN_CODE_PATTERN.test(code) ? code : null;
}

/** The public page a code opens (the web app's /q/:code route). */
export const scanPath = (code: string) => `/q/${code}`;

/** The absolute address printed in the QR: the configured public origin, else the request's own. */
export const publicScanUrl = (origin: string, code: string) => `${origin.replace(/\/+$/, '')}${scanPath(code)}`;
