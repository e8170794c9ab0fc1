import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store';
import { loginAndRegisterDevice } from './accounts-repository';
import { DEMO_PASSWORD, DEMO_USERS, ensureDemoAccounts } from './demo-accounts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('ensureDemoAccounts', () => {
  it('creates the Chiang Rai office and one user per role, once', async () => {
    store = await openStore({ kind: 'pglite' });
    expect(await ensureDemoAccounts(store.sql)).toBe(true);
    expect(await ensureDemoAccounts(store.sql)).toBe(false);

    for (const user of DEMO_USERS) {
      const outcome = await loginAndRegisterDevice(store.sql, { username: user.username, password: DEMO_PASSWORD, deviceName: 'test' });
      const session = outcome.ok ? outcome.session : undefined;
      expect(session?.user.role).toBe(user.role);
      expect(session?.user.provinceCode).toBe(user.role === 'admin' ? null : '57');
    }
  });
});
