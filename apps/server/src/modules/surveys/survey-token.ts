import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { safeEqual } from '../../lib/crypto.js';

/** What a survey link carries: which invitation, of which survey and version, valid until exp (unix seconds). */
export type SurveyTokenPayload = { invitationId: string; surveyId: string; version: number; exp: number };

const payloadFields = {
  invitationId: z.uuid(),
  surveyId: z.uuid(),
  version: z.int().min(0),
  exp: z.int().positive(),
};
/** Signing drops unknown fields; a signed token with unknown fields was not made here and is malformed. */
const signedFields = z.object(payloadFields);
const payloadSchema = z.strictObject(payloadFields);

/** Why a token was refused; the order they are checked in is the order listed. */
export type SurveyTokenRefusal = 'malformed' | 'bad_signature' | 'expired' | 'wrong_survey';
export type SurveyTokenCheck =
  { ok: true; payload: SurveyTokenPayload } | { ok: false; reason: SurveyTokenRefusal };

/** Longer than any token signSurveyToken makes (~210 characters); refused before any HMAC is computed. */
const MAX_TOKEN_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const signatureOf = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64url');

/**
 * A survey link token (问卷链接令牌): base64url(JSON payload) + '.' + base64url(HMAC-SHA256(secret,
 * first part)). Signed, not encrypted: the payload holds only ids and an expiry, nothing personal.
 * Fields are written in a fixed order (invitationId, surveyId, version, exp), extra ones dropped.
 * The token alone is NOT single-use — it verifies until exp every time; single use is enforced by
 * the database, which marks the invitation row answered when the response is stored. A bad payload
 * or an empty secret is a programming error and throws.
 */
export function signSurveyToken(payload: SurveyTokenPayload, secret: string): string {
  if (!secret) throw new Error('a survey token needs a secret');
  const p = signedFields.parse(payload);
  const body = Buffer.from(
    JSON.stringify({ invitationId: p.invitationId, surveyId: p.surveyId, version: p.version, exp: p.exp }),
  ).toString('base64url');
  return `${body}.${signatureOf(body, secret)}`;
}

/**
 * Check a survey link token, in this order: 'malformed' (not two base64url parts, or too long),
 * 'bad_signature' (HMAC mismatch, compared in constant time with timingSafeEqual over the
 * base64url text — so a re-spelling of the same signature bytes is refused too), 'malformed'
 * again if a correctly signed payload is not a valid payload, 'expired' (now ≥ exp, as in JWT:
 * exp is the first second it is no longer valid), then 'wrong_survey' when expect.surveyId is given
 * and differs. `now` is passed in. Passing does NOT mean unused: single use is the invitation row's
 * job in the database. Throws only for an empty secret (a configuration error); any token text,
 * however broken, gets a reason.
 */
export function verifySurveyToken(
  token: string,
  secret: string,
  expect: { surveyId?: string },
  now: Date,
): SurveyTokenCheck {
  if (!secret) throw new Error('a survey token needs a secret');
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => BASE64URL.test(p))) return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  if (!safeEqual(signature, signatureOf(body, secret))) return { ok: false, reason: 'bad_signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success) return { ok: false, reason: 'malformed' };
  if (now.getTime() / 1000 >= payload.data.exp) return { ok: false, reason: 'expired' };
  if (expect.surveyId !== undefined && expect.surveyId !== payload.data.surveyId)
    return { ok: false, reason: 'wrong_survey' };
  return { ok: true, payload: payload.data };
}
