import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signSurveyToken, verifySurveyToken, type SurveyTokenPayload } from './survey-token.js';

const secret = 'survey-secret-for-tests-0123456789abcdef';
const surveyId = '3f1c2a9e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
const payload: SurveyTokenPayload = {
  invitationId: '0b8f3c1d-2e4a-4f6b-8c9d-1a2b3c4d5e6f',
  surveyId,
  version: 3,
  exp: 1_767_225_600, // 2026-01-01T00:00:00Z
};
const before = new Date('2025-12-31T23:59:59Z');
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
const sigOf = (body: string, key = secret) => createHmac('sha256', key).update(body).digest('base64url');

describe('survey link tokens', () => {
  it('round trip: what was signed comes back', () => {
    const token = signSurveyToken(payload, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/); // HMAC-SHA256 = 32 bytes = 43 base64url chars
    expect(verifySurveyToken(token, secret, {}, before)).toEqual({ ok: true, payload });
    expect(verifySurveyToken(token, secret, { surveyId }, before)).toEqual({ ok: true, payload });
  });

  it('has the documented shape: base64url(JSON) . base64url(HMAC-SHA256(secret, first part))', () => {
    const [body, sig] = signSurveyToken(payload, secret).split('.') as [string, string];
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toEqual(payload);
    expect(sig).toBe(sigOf(body));
    // fields in a fixed order and nothing else, whatever the caller's object holds
    const loose = { exp: payload.exp, version: 3, surveyId, invitationId: payload.invitationId, note: 'x' };
    expect(signSurveyToken(loose as SurveyTokenPayload, secret)).toBe(`${body}.${sig}`);
  });

  it('a tampered payload fails the signature', () => {
    const [, sig] = signSurveyToken(payload, secret).split('.') as [string, string];
    const other = b64({ ...payload, invitationId: '11111111-2222-4333-8444-555555555555' });
    expect(verifySurveyToken(`${other}.${sig}`, secret, {}, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const later = b64({ ...payload, exp: payload.exp + 86_400 });
    expect(verifySurveyToken(`${later}.${sig}`, secret, {}, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('a tampered signature fails, including a re-spelling that decodes to the same bytes', () => {
    const token = signSurveyToken(payload, secret);
    const [body, sig] = token.split('.') as [string, string];
    const flip = (c: string) => (c === 'A' ? 'B' : 'A');
    expect(verifySurveyToken(`${body}.${flip(sig[0]!)}${sig.slice(1)}`, secret, {}, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySurveyToken(`${body}.${sig.slice(0, -1)}`, secret, {}, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    // 43 characters carry 258 bits for 256: the last character's 2 low bits are ignored by decoders
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = sig.slice(0, -1) + alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1]!;
    expect(Buffer.from(twin, 'base64url')).toEqual(Buffer.from(sig, 'base64url')); // same bytes …
    expect(verifySurveyToken(`${body}.${twin}`, secret, {}, before)).toEqual({
      ok: false,
      reason: 'bad_signature',
    }); // … still refused
  });

  it('another secret fails the signature', () => {
    const token = signSurveyToken(payload, 'some-other-secret-0123456789abcdefgh');
    expect(verifySurveyToken(token, secret, {}, before)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('expires at exp: valid one second before, refused at and after', () => {
    const token = signSurveyToken(payload, secret);
    expect(verifySurveyToken(token, secret, {}, new Date((payload.exp - 1) * 1000)).ok).toBe(true);
    expect(verifySurveyToken(token, secret, {}, new Date(payload.exp * 1000 - 1)).ok).toBe(true); // 1 ms before
    expect(verifySurveyToken(token, secret, {}, new Date(payload.exp * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifySurveyToken(token, secret, {}, new Date('2027-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('a token for another survey is refused when the survey is expected, accepted when not', () => {
    const token = signSurveyToken(payload, secret);
    const elsewhere = '9a9a9a9a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
    expect(verifySurveyToken(token, secret, { surveyId: elsewhere }, before)).toEqual({
      ok: false,
      reason: 'wrong_survey',
    });
    expect(verifySurveyToken(token, secret, {}, before).ok).toBe(true);
  });

  it('garbage is malformed, never an exception', () => {
    const garbage = [
      '',
      '.',
      'abc',
      'a.b.c',
      '!!!.@@@',
      'abc.',
      '.abc',
      'a b.c d',
      `${'A'.repeat(600)}.${'B'.repeat(43)}`,
      'eyJ9.ä',
    ];
    for (const g of garbage)
      expect(verifySurveyToken(g, secret, {}, before)).toEqual({ ok: false, reason: 'malformed' });
    // well-formed but unsigned text fails the signature
    expect(verifySurveyToken('abc.def', secret, {}, before)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySurveyToken(undefined as unknown as string, secret, {}, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('a correctly signed body that is not a valid payload is malformed', () => {
    const signed = (body: string) => `${body}.${sigOf(body)}`;
    expect(
      verifySurveyToken(signed(Buffer.from('not json').toString('base64url')), secret, {}, before),
    ).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySurveyToken(signed(b64({ ...payload, version: 1.5 })), secret, {}, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifySurveyToken(signed(b64({ ...payload, surveyId: 'x' })), secret, {}, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifySurveyToken(signed(b64({ ...payload, extra: 1 })), secret, {}, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifySurveyToken(signed(b64([payload])), secret, {}, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses to sign a bad payload or with an empty secret', () => {
    expect(() => signSurveyToken({ ...payload, invitationId: 'nope' }, secret)).toThrow();
    expect(() => signSurveyToken({ ...payload, exp: 1.5 }, secret)).toThrow();
    expect(() => signSurveyToken(payload, '')).toThrow('a survey token needs a secret');
    expect(() => verifySurveyToken('a.b', '', {}, before)).toThrow('a survey token needs a secret');
  });
});
