import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/open-store';
import { testBackends } from '../testing/test-stores';
import { cliOn } from '../testing/cli-harness';
import { runCli } from './run-cli';

describe.each(testBackends())('server CLI ($name)', (backend) => {
  let store: Store;
  let cli: ReturnType<typeof cliOn>;
  beforeAll(async () => {
    store = await backend.open();
    cli = cliOn(store, { PROVINCEDESK_PASSWORD: 'from the environment' });
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanUp();
  });

  it('creates offices and users and lists them', async () => {
    const office = await cli('create-office', '--province', '57', '--name', 'สำนักงาน กกต. จังหวัดเชียงราย');
    expect(office.code).toBe(0);
    const officeId = /^office (\S+) created \(57 สำนักงาน/.exec(office.out[0] ?? '')?.[1];
    expect(officeId).toBeDefined();
    expect((await cli('list-offices')).out).toEqual([`${officeId}\t57\t-\tสำนักงาน กกต. จังหวัดเชียงราย`]);

    const user = await cli('create-user', '--username', 'somsri', '--display-name', 'สมศรี ใจดี', '--role', 'editor', '--office', officeId!);
    expect(user.code).toBe(0);
    expect(user.out[0]).toMatch(/^editor somsri created \(\S+\)$/);
  });

  it('says what is wrong and exits 1', async () => {
    const unknown = await cli('bogus');
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toMatch(/^unknown command bogus\n\nusage:/);
    const missing = await cli('create-office', '--province', '57');
    expect(missing).toMatchObject({ code: 1, out: [] });
    expect(missing.err[0]).toMatch(/^missing --name/);
    const badOption = await cli('list-offices', '--nonsense');
    expect(badOption.code).toBe(1);
    const noOffice = await cli('create-user', '--username', 'x1', '--display-name', 'x', '--role', 'editor', '--office', 'nope');
    expect(noOffice.err).toEqual(['error: no office nope']);
  });
});

describe('server CLI on a PGlite folder', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'provincedesk-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens the --data folder when DATABASE_URL is not set, one command after another', async () => {
    const out: string[] = [];
    const environment = { env: {}, out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['create-office', '--province', '10', '--name', 'กรุงเทพมหานคร', '--data', dataDir], environment)).toBe(0);
    expect(await runCli(['list-offices', '--data', dataDir], environment)).toBe(0);
    expect(out[1]).toMatch(/^\S+\t10\t-\tกรุงเทพมหานคร$/);
  });
});
