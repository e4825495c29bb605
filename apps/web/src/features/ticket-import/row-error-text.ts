import { ImportField, type TicketImportErrorCode, type TicketImportRowError } from '@qloop/contracts';
import type { TFunction } from 'i18next';

type ErrorKey =
  | 'unknownType'
  | 'unknownChannel'
  | 'unknownPriority'
  | 'titleEmpty'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'unknownCategory'
  | 'unknownOrgUnit'
  | 'badPhone'
  | 'noCustomer'
  | 'badDate'
  | 'futureDate'
  | 'duplicate'
  | 'alreadyImported';

/**
 * The translation of each error code, and the param its text quotes as {{value}}. Codes without one
 * (intake_refused: the server's own words) are shown as sent.
 */
const BY_CODE: Partial<Record<TicketImportErrorCode, { key: ErrorKey; param?: string }>> = {
  unknown_type: { key: 'unknownType', param: 'value' },
  unknown_channel: { key: 'unknownChannel', param: 'value' },
  unknown_priority: { key: 'unknownPriority', param: 'value' },
  title_empty: { key: 'titleEmpty' },
  title_too_long: { key: 'titleTooLong', param: 'max' },
  description_too_long: { key: 'descriptionTooLong' },
  unknown_category: { key: 'unknownCategory', param: 'value' },
  unknown_org_unit: { key: 'unknownOrgUnit', param: 'value' },
  bad_phone: { key: 'badPhone', param: 'value' },
  no_customer: { key: 'noCustomer' },
  bad_date: { key: 'badDate', param: 'value' },
  future_date: { key: 'futureDate' },
  duplicate_row: { key: 'duplicate', param: 'row' },
  already_imported: { key: 'alreadyImported', param: 'ticketNo' },
};

/**
 * Reports stored before error codes existed carry English prose only (parse-ticket-rows.ts): these
 * patterns follow its wording.
 */
const PATTERNS: readonly (readonly [RegExp, ErrorKey])[] = [
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
];

/** The field of a row error in the user's language ('—' for a whole-row error such as a duplicate). */
export function fieldLabel(t: TFunction, field: string | undefined): string {
  if (!field) return '—';
  const f = ImportField.safeParse(field);
  return f.success ? t(`importField.${f.data}`) : field;
}

/** The translation, and the value it quotes, by the error's code; failing that, by its wording. */
function keyOf(e: TicketImportRowError): { key: ErrorKey; value: string | undefined } | null {
  if (e.code) {
    const known = BY_CODE[e.code];
    const value = known?.param ? e.params?.[known.param] : undefined;
    return known ? { key: known.key, value: value === undefined ? undefined : String(value) } : null;
  }
  for (const [re, key] of PATTERNS) {
    const m = re.exec(e.message);
    if (m) return { key, value: m[1] };
  }
  return null;
}

/** A row error's message in the user's language; one it has no translation for, as sent. */
export function rowErrorText(t: TFunction, e: TicketImportRowError): string {
  const found = keyOf(e);
  if (!found) return e.message;
  // "unknown type “”" is an empty cell: say so rather than quote nothing
  if (found.value === '' && e.field) return t('importError.empty', { field: fieldLabel(t, e.field) });
  return t(`importError.${found.key}`, { value: found.value });
}
