import type { Role } from '../../shared/sync/protocol';
import type { SqlClient } from '../store/sql-client';
import { createOffice, createUser, listOffices } from './accounts-repository';

/**
 * Accounts for trying ProvinceDesk on one computer (`npm start`, `npm run start:web`): the Chiang
 * Rai office of the seed pages, one user per role, one known password. Only for a server bound to
 * this computer — `serve --demo` refuses any other address.
 */
export const DEMO_PROVINCE = { code: '57', name: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย' } as const;
export const DEMO_DISTRICT = { code: '5701', name: 'อำเภอเมืองเชียงราย' } as const;
export const DEMO_PASSWORD = 'provincedesk-demo';

export const DEMO_USERS: { username: string; displayName: string; role: Role; office: 'province' | 'district' | null }[] = [
  { username: 'demo-editor', displayName: 'สมศรี ใจดี (ฝ่ายประชาสัมพันธ์)', role: 'editor', office: 'province' },
  { username: 'demo-coordinator', displayName: 'ประเสริฐ ศรีสุข (ผู้อำนวยการ)', role: 'coordinator', office: 'province' },
  { username: 'demo-officer', displayName: 'บุญมี คำแก้ว (เจ้าหน้าที่อำเภอเมืองเชียงราย)', role: 'officer', office: 'district' },
  { username: 'demo-admin', displayName: 'ผู้ดูแลระบบ', role: 'admin', office: null },
];

/** How many users the store has besides the demo ones: a store with any is someone's real data. */
export async function usersOtherThanDemo(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE NOT (username = ANY($1::text[]))', [DEMO_USERS.map((u) => u.username)]);
  return rows[0]?.n ?? 0;
}

/** Creates the demo offices and users unless they exist; returns whether it created them. */
export async function ensureDemoAccounts(sql: SqlClient): Promise<boolean> {
  const offices = await listOffices(sql);
  if (offices.some((o) => o.provinceCode === DEMO_PROVINCE.code && o.districtCode === null)) return false;
  const province = await createOffice(sql, { provinceCode: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name });
  const district = await createOffice(sql, { provinceCode: DEMO_PROVINCE.code, districtCode: DEMO_DISTRICT.code, name: DEMO_DISTRICT.name });
  for (const user of DEMO_USERS) {
    const officeId = user.office === 'province' ? province.id : user.office === 'district' ? district.id : null;
    await createUser(sql, { username: user.username, displayName: user.displayName, role: user.role, officeId, password: DEMO_PASSWORD });
  }
  return true;
}

export function demoAccountsNotice(url: string): string {
  return [
    `Demo accounts on ${url} (password ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((u) => `  ${u.username.padEnd(18)} ${u.role}`),
  ].join('\n');
}
