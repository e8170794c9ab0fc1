import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/sync/protocol';
import { createOffice, createUser } from '../accounts/accounts-repository';
import type { Store } from '../store/open-store';

export interface SeededUser {
  id: string;
  username: string;
  password: string;
  role: Role;
}

export interface SeededProvince {
  provinceCode: string;
  districtCode: string;
  provinceOfficeId: string;
  districtOfficeId: string;
  officer: SeededUser;
  editor: SeededUser;
  coordinator: SeededUser;
  admin: SeededUser;
}

/**
 * For tests and the end-to-end harness: a provincial office, one district office, and an officer
 * (district), editor and coordinator (province) plus an admin, each with a fresh password.
 */
export async function seedProvince(store: Store, input: { provinceCode: string; districtCode?: string; name?: string }): Promise<SeededProvince> {
  const { provinceCode } = input;
  const districtCode = input.districtCode ?? `${provinceCode}01`;
  const tag = randomBytes(3).toString('hex');
  const province = await createOffice(store.sql, { provinceCode, name: input.name ?? `สำนักงาน กกต. จังหวัด ${provinceCode}` });
  const district = await createOffice(store.sql, { provinceCode, districtCode, name: `อำเภอ ${districtCode}` });
  const make = async (role: Role, officeId: string | null): Promise<SeededUser> => {
    const username = `${role}-${provinceCode}-${tag}`;
    const password = `pw-${randomBytes(9).toString('base64url')}`;
    const { id } = await createUser(store.sql, { username, displayName: `${role} ${provinceCode}`, role, officeId, password });
    return { id, username, password, role };
  };
  return {
    provinceCode,
    districtCode,
    provinceOfficeId: province.id,
    districtOfficeId: district.id,
    officer: await make('officer', district.id),
    editor: await make('editor', province.id),
    coordinator: await make('coordinator', province.id),
    admin: await make('admin', null),
  };
}
