import { ImportField } from '@qloop/contracts';
import type { TFunction } from 'i18next';

/**
 * The server reports a bad row in English prose only (parse-ticket-rows.ts), with no code to
 * translate by. These patterns follow its wording so an operator reads the report in their
 * language; a message that matches none (new wording, a server-side change) is shown as sent.
 */
const PATTERNS = [
  [/^unknown type “(.*)”$/, 'unknownType'],
  [/^unknown channel “(.*)”$/, 'unknownChannel'],
  [/^unknown priority “(.*)”$/, 'unknownPriority'],
  [/^title is empty$/, 'titleEmpty'],
  [/^title is longer than (\d+) characters$/, 'titleTooLong'],
  [/^description is too long$/, 'descriptionTooLong'],
  [/^no current category with code “(.*)”$/, 'unknownCategory'],
  [/^no org unit with code “(.*)” in your scope$/, 'unknownOrgUnit'],
  [/^“(.*)” is not a phone number$/, 'badPhone'],
  [/^give the customer’s phone or customer number$/, 'noCustomer'],
  [/^“(.*)” is not a date like .*$/, 'badDate'],
  [/^the date is in the future$/, 'futureDate'],
  [/^duplicates row (\d+) \(same customer, title and time\)$/, 'duplicate'],
] as const;

/** The field of a row error in the user's language ('—' for a whole-row error such as a duplicate). */
export function fieldLabel(t: TFunction, field: string | undefined): string {
  if (!field) return '—';
  const f = ImportField.safeParse(field);
  return f.success ? t(`importField.${f.data}`) : field;
}

/** A row error's message in the user's language. */
export function rowErrorText(t: TFunction, e: { field?: string; message: string }): string {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(e.message);
    if (!m) continue;
    const value = m[1];
    // "unknown type “”" is an empty cell: say so rather than quote nothing
    if (value === '' && e.field) return t('importError.empty', { field: fieldLabel(t, e.field) });
    return t(`importError.${key}`, { value });
  }
  return e.message;
}
