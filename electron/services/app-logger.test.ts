import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppLog } from './app-logger';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'provincedesk-logs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('app log', () => {
  it('writes timestamped lines to logs/main.log in the given folder', async () => {
    const { logger, files } = createAppLog({ directory: path.join(dir, 'logs') });
    logger.info('ProvinceDesk 0.1.0 started');
    logger.warn('settings: could not read', new Error('EACCES'));
    const text = await readFile(path.join(dir, 'logs', 'main.log'), 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\]\s+ProvinceDesk 0\.1\.0 started$/m);
    expect(text).toMatch(/\[warn\]\s+settings: could not read Error: EACCES\n\s+at /);
    expect(files()).toEqual([path.join(dir, 'logs', 'main.log'), path.join(dir, 'logs', 'main.old.log')]);
  });

  it('never writes ID numbers, phone numbers, e-mails or the user’s home folder', async () => {
    const { logger } = createAppLog({ directory: dir, homeDir: '/home/somchai' });
    logger.error('sync failed for', { nationalId: '1103700012345', phone: '081-234-5678', email: 'somchai@ect.go.th' }, 'at /home/somchai/data');
    const text = await readFile(path.join(dir, 'main.log'), 'utf8');
    expect(text).toContain('sync failed for {"nationalId":"[id]","phone":"[phone]","email":"[e-mail]"} at ~/data');
    expect(text).not.toMatch(/1103700012345|081-234-5678|somchai/);
  });

  it('rotates to main.old.log, so the folder never grows past two files', async () => {
    const { logger, files } = createAppLog({ directory: dir, maxBytes: 2000 });
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(40)}`);
    const [current, old] = files();
    const oldText = await readFile(old!, 'utf8');
    const currentText = await readFile(current!, 'utf8');
    expect(oldText).toContain('line ');
    expect(currentText).toContain('line 99 ');
    expect(currentText.length).toBeLessThanOrEqual(2000 + 200);
  });
});
