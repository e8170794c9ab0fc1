// What the server withholds from a device in a pull (issue 18, PDPA: a device never stores what its user
// may not see). Decided per field from shared/roster/reveal-policy.ts; the withheld value travels as a
// redacted value (shared/domain/redacted-value.ts) with the real value's stamp, so last-writer-wins still
// sees the write, and a later real write (a new ID typed by anyone allowed to write the person) still wins.
import { isRedacted, redactedValue, shownPart } from '../domain/redacted-value';
import { maskNationalId } from '../thai/national-id';
import { canRevealNationalId, canSeeContactDetails, type Viewer } from './reveal-policy';

const CONTACT_FIELDS = ['phone', 'lineId', 'email'] as const; // with nationalId: REDACTABLE_FIELDS.members

/**
 * A person's values (`members` record) as `viewer` may receive them. The full national ID becomes its
 * masked form (last four digits), contact details become the bare mark; empty values stay as they are
 * ("no phone" gives nothing away). The input is not changed; it is returned as is when nothing is withheld.
 */
export function redactPersonForViewer(values: Record<string, unknown>, districtCode: string | null, viewer: Viewer): Record<string, unknown> {
  const person = { districtCode, tambonCode: typeof values.tambonCode === 'string' ? values.tambonCode : '' };
  let out: Record<string, unknown> | null = null;
  const withhold = (field: string, shown: string) => {
    out ??= { ...values };
    out[field] = redactedValue(shown);
  };
  const id = values.nationalId;
  if (typeof id === 'string' && id !== '' && !isRedacted(id) && !canRevealNationalId(viewer, person)) withhold('nationalId', maskNationalId(id) ?? '');
  if (!canSeeContactDetails(viewer, person)) {
    for (const field of CONTACT_FIELDS) {
      const value = values[field];
      if (typeof value === 'string' && value !== '' && !isRedacted(value)) withhold(field, '');
    }
  }
  return out ?? values;
}

/** A national ID as lists show it: masked, whether the device holds it in full or redacted. */
export function maskedNationalId(value: string): string | null {
  return isRedacted(value) ? shownPart(value) || null : maskNationalId(value);
}
