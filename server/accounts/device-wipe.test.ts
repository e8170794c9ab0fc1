import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ProvinceDeskServer } from '../app';
import { THAI_ERROR_MESSAGES } from '../http/api-error';
import { cliOn } from '../testing/cli-harness';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';

const KEY_ID = 'k'.repeat(22);
const SECRET = 's'.repeat(43);

describe.each(testBackends())('remote wipe, revoke and the unlock-key escrow ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let province: SeededProvince;
  let cli: ReturnType<typeof cliOn>;

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
    cli = cliOn(server.store);
  });
  afterAll(async () => {
    await server?.close();
    await backend.cleanUp();
  });

  const recover = (user: { username: string; password: string }, keyId = KEY_ID) =>
    new TestClient(server.app).request({ method: 'POST', url: '/v1/auth/unlock-recovery', payload: { username: user.username, password: user.password, keyId } });

  it('keeps a device’s recovery secret for its user, and gives it back only for the right password', async () => {
    const device = await TestClient.signedIn(server.app, province.officer);
    const stored = await device.request({ method: 'PUT', url: '/v1/devices/unlock-recovery', payload: { keyId: KEY_ID, secret: SECRET } });
    expect(stored.statusCode).toBe(204);
    expect((await device.request({ method: 'PUT', url: '/v1/devices/unlock-recovery', payload: { keyId: 'short', secret: SECRET } })).statusCode).toBe(400);

    const back = await recover(province.officer);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ secret: SECRET });
    expect((await recover({ ...province.officer, password: 'wrong password' })).statusCode).toBe(401);
    // Another user of the same office does not get it.
    expect((await recover(province.editor)).statusCode).toBe(404);
    // Without a token it is refused.
    expect((await new TestClient(server.app).request({ method: 'PUT', url: '/v1/devices/unlock-recovery', payload: { keyId: KEY_ID, secret: SECRET } })).statusCode).toBe(401);
  });

  it('a revoked device is told unauthorized (it keeps its data); a wiped one device-wiped, and the secret is gone', async () => {
    const revoked = await TestClient.signedIn(server.app, province.editor);
    expect((await cli('revoke-device', '--device', revoked.deviceId)).code).toBe(0);
    const revokedPull = await revoked.pull();
    expect(revokedPull.statusCode).toBe(401);
    expect(revokedPull.json().error).toBe('unauthorized');

    const laptop = await TestClient.signedIn(server.app, province.coordinator);
    await laptop.request({ method: 'PUT', url: '/v1/devices/unlock-recovery', payload: { keyId: 'w'.repeat(22), secret: SECRET } });
    const wiped = await cli('wipe-device', '--device', laptop.deviceId);
    expect(wiped.out).toEqual([`device ${laptop.deviceId} will be wiped at its next contact (signed out now)`]);
    // A second wipe changes nothing.
    expect((await cli('wipe-device', '--device', laptop.deviceId)).out).toEqual(['already marked to be wiped; nothing changed']);
    expect((await cli('list-devices', '--username', province.coordinator.username)).out[0]).toContain('(not yet told)');

    for (const answer of [await laptop.pull(), await laptop.push([]), await laptop.request({ method: 'GET', url: '/v1/events' })]) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toEqual({ error: 'device-wiped', message: THAI_ERROR_MESSAGES['device-wiped'] });
    }
    const recovery = await recover(province.coordinator, 'w'.repeat(22));
    expect(recovery.statusCode).toBe(401);
    expect(recovery.json().error).toBe('device-wiped');
    // The escrow cannot be refilled by anyone once wiped.
    const again = await TestClient.signedIn(server.app, province.coordinator);
    await again.request({ method: 'PUT', url: '/v1/devices/unlock-recovery', payload: { keyId: 'w'.repeat(22), secret: SECRET } });
    expect((await recover(province.coordinator, 'w'.repeat(22))).json().error).toBe('device-wiped');

    const log = (await cli('audit-log')).out;
    expect(log.some((l) => l.includes(`\trevoke-device\t${revoked.deviceId}\t${province.editor.username}\tby cli:`))).toBe(true);
    expect(log.some((l) => l.includes(`\twipe-device\t${laptop.deviceId}\t${province.coordinator.username}\tby cli:`))).toBe(true);
    // Told once, recorded once, however often the device calls.
    expect(log.filter((l) => l.includes(`\twipe-delivered\t${laptop.deviceId}\t`))).toHaveLength(1);
    expect((await cli('list-devices', '--username', province.coordinator.username)).out[0]).toMatch(/wipe \S+, told \S+/);
  });

  it('wipes every device of a user with --username, and says what it needs', async () => {
    const one = await TestClient.signedIn(server.app, province.admin);
    const two = await TestClient.signedIn(server.app, province.admin);
    const run = await cli('wipe-device', '--username', province.admin.username);
    expect(run.out).toHaveLength(2);
    for (const device of [one, two]) expect((await device.pull()).json().error).toBe('device-wiped');
    expect((await cli('wipe-device')).code).toBe(1);
    const unknown = await cli('wipe-device', '--device', 'no-such-device');
    expect(unknown.code).toBe(1);
    expect(unknown.err[0]).toBe('error: no device no-such-device');
  });
});
