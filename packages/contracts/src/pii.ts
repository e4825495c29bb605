/**
 * Masking of customer personal data. Used by every response that carries it; the unmasked value is
 * only returned to roles with `pii:unmask`, and each such view is audited.
 */

/** 13812341234 → 138****1234; other lengths keep first 3 and last 4 where possible. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone == null) return null;
  const digits = phone.trim();
  if (digits.length <= 4) return '*'.repeat(digits.length);
  if (digits.length < 8) return digits.slice(0, 1) + '*'.repeat(digits.length - 3) + digits.slice(-2);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** ID card numbers (18 or 15 characters) keep the first 3 and last 4: 110***********123X. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (id == null) return null;
  const v = id.trim();
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** Names keep the family name: 张三丰 → 张**. */
export function maskName(name: string | null | undefined): string | null {
  if (name == null) return null;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Email keeps the first character of the local part and the domain. */
export function maskEmail(email: string | null | undefined): string | null {
  if (email == null) return null;
  const at = email.indexOf('@');
  if (at <= 0) return maskName(email);
  return email[0] + '***' + email.slice(at);
}
