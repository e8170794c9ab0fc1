import { describe, expect, it } from 'vitest';
import type { Role } from '../sync/protocol';
import { redactPersonForViewer } from './personal-data-redaction';
import { canRevealNationalId, canSeeContactDetails, NO_PERSONAL_DATA_VIEWER, seesNoPersonalData, type Viewer } from './reveal-policy';

const ROLES: Role[] = ['admin', 'coordinator', 'officer', 'editor'];
const VIEWERS: Viewer[] = ROLES.flatMap((role) => [null, '5701', '5702'].map((districtCode) => ({ role, districtCode })));
const PEOPLE = [
  { districtCode: '5701', tambonCode: '570101' },
  { districtCode: '5702', tambonCode: '570201' },
  { districtCode: null, tambonCode: '570101' },
  { districtCode: null, tambonCode: '' },
];
const VALUES = { firstName: 'สมชาย', tambonCode: '570101', nationalId: '1101700230708', phone: '0812345678', lineId: 'somchai', email: 'a@example.com' };

describe('a viewer who sees no personal data', () => {
  it('is one that may see no person’s ID or contacts — and every other viewer may see some person’s', () => {
    for (const viewer of VIEWERS) {
      const seesSome = PEOPLE.some((person) => canRevealNationalId(viewer, person) || canSeeContactDetails(viewer, person));
      expect(seesNoPersonalData(viewer), JSON.stringify(viewer)).toBe(!seesSome);
    }
  });

  it('receives every person as the kept form (NO_PERSONAL_DATA_VIEWER) has it', () => {
    for (const viewer of VIEWERS.filter(seesNoPersonalData)) {
      for (const person of PEOPLE) {
        expect(redactPersonForViewer(VALUES, person.districtCode, viewer)).toEqual(redactPersonForViewer(VALUES, person.districtCode, NO_PERSONAL_DATA_VIEWER));
      }
    }
    expect(seesNoPersonalData(NO_PERSONAL_DATA_VIEWER)).toBe(true);
  });
});
