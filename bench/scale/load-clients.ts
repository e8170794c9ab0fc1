// bench/scale's devices: protocol-level clients (plain HTTP, no IndexedDB), in a process of their own so
// the figures measure the server. `tsx bench/scale/load-clients.ts` reads a LoadPlan as JSON on stdin and
// prints a LoadReport as JSON on stdout.
import { formatStamp, nodeIdFromDeviceId } from '../../shared/sync/hybrid-logical-clock';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { Mutation } from '../../shared/sync/mutation';
import { PROTOCOL_HEADERS } from '../../renderer/bridge/web-sync-request';
import type { LoginResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';

export interface LoadPlan {
  serverUrl: string;
  /** One account per device (several devices may share an account, as an office's laptops do). */
  devices: Array<{ username: string; password: string; provinceCode: string }>;
  durationMs: number;
  /** Share of devices that start from an empty database (a new laptop): their first pull is timed too. */
  firstPullShare: number;
  mutationsPerPush: number;
  /** Pause between a device's sync cycles (0: each device pushes and pulls back to back). */
  thinkMs: number;
  pullLimit: number;
}

export interface LoadReport {
  push: number[];
  pull: number[];
  firstPullPages: number;
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Device {
  private token = '';
  private deviceId = '';
  private node = '';
  private cursor = 0;
  private epoch: string | undefined;
  /** True until a device that started empty has caught up. */
  private inFirstPull = false;
  private lastMillis = 0;
  private counter = 0;
  private nextMutation = 0;
  /** Records this device created, with the stamp of their title, so later pushes edit some of them. */
  private readonly own: Array<{ id: string; stamp: string }> = [];

  constructor(
    private readonly plan: LoadPlan,
    private readonly account: LoadPlan['devices'][number],
    private readonly index: number,
    private readonly report: LoadReport,
  ) {}

  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${this.plan.serverUrl}${path}`, {
      ...init,
      headers: { ...PROTOCOL_HEADERS, 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path.split('?')[0]} → ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  async signIn(startFromEmpty: boolean): Promise<void> {
    const body = JSON.stringify({ username: this.account.username, password: this.account.password, deviceName: `scale ${this.index + 1}` });
    const session = await this.call<LoginResponse>('/v1/auth/login', { method: 'POST', body });
    this.token = session.token;
    this.deviceId = session.deviceId;
    this.node = nodeIdFromDeviceId(session.deviceId);
    this.inFirstPull = startFromEmpty;
    if (!startFromEmpty) {
      // A device that synced before: it starts from the server's present (untimed).
      const page = await this.call<PullResponse>('/v1/sync/pull?cursor=0&limit=1');
      this.cursor = page.lastSeq;
      this.epoch = page.epoch;
    }
  }

  private stamp(): string {
    const now = Date.now();
    if (now > this.lastMillis) {
      this.lastMillis = now;
      this.counter = 0;
    } else this.counter++;
    return formatStamp({ millis: this.lastMillis, counter: this.counter, node: this.node });
  }

  private mutations(): Mutation[] {
    const out: Mutation[] = [];
    const edits = Math.min(this.own.length, Math.floor(this.plan.mutationsPerPush / 4));
    for (let i = 0; i < this.plan.mutationsPerPush; i++) {
      const stamp = this.stamp();
      const id = `${this.deviceId}:${++this.nextMutation}`;
      if (i < edits) {
        // An edit of one of its own earlier news items: a record the server has to read and merge.
        const target = this.own[(this.nextMutation * 7) % this.own.length]!;
        out.push({ id, table: 'news', recordId: target.id, provinceCode: this.account.provinceCode, districtCode: null, changes: { title: { value: `แก้ไขครั้งที่ ${this.nextMutation}`, stamp, prev: target.stamp } } });
        target.stamp = stamp;
        continue;
      }
      const recordId = uuidv7();
      const created = new Date().toISOString();
      const values: Record<string, unknown> = {
        deleted: false, title: `ข่าวจากเครื่อง ${this.index + 1} ลำดับ ${this.nextMutation}`, lead: 'สำนักงาน กกต. จังหวัดจัดอบรมเครือข่าย ศส.ปชต.',
        bodyHtml: '<p>เมื่อวันที่ 24 สิงหาคม 2565 เวลา ๐๙.๓๐ น. สำนักงาน กกต. จัดประชุมสัมมนาเครือข่าย ศส.ปชต.</p>', category: 'ข่าว/กิจกรรม',
        tags: ['ศส.ปชต.'], status: 'draft', eventId: null, dateline: '2026-11-20', authorId: 'bench', authorName: 'นางสาวสมใจ ใจดี',
        coverAttachmentId: null, photos: [], publishedAt: null, createdAt: created, updatedAt: created,
      };
      const changes = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, { value, stamp, prev: null }]));
      out.push({ id, table: 'news', recordId, provinceCode: this.account.provinceCode, districtCode: null, changes });
      if (this.own.length < 200) this.own.push({ id: recordId, stamp });
    }
    return out;
  }

  private async timed<T>(into: number[], run: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const value = await run();
      into.push(performance.now() - started);
      return value;
    } catch (error) {
      this.report.errors++;
      if (this.report.errorSamples.length < 10) this.report.errorSamples.push(String(error));
      return undefined;
    }
  }

  async push(): Promise<void> {
    const body = JSON.stringify({ mutations: this.mutations() });
    const answer = await this.timed(this.report.push, () => this.call<PushResponse>('/v1/sync/push', { method: 'POST', body }));
    const refused = answer?.results.filter((r) => r.status !== 'applied' && r.status !== 'duplicate') ?? [];
    if (refused.length > 0) {
      this.report.errors++;
      if (this.report.errorSamples.length < 10) this.report.errorSamples.push(JSON.stringify(refused[0]));
    }
  }

  async pullAll(): Promise<void> {
    for (;;) {
      const since = this.cursor > 0 && this.epoch !== undefined ? `&epoch=${encodeURIComponent(this.epoch)}` : '';
      const page = await this.timed(this.report.pull, () => this.call<PullResponse>(`/v1/sync/pull?cursor=${this.cursor}${since}&limit=${this.plan.pullLimit}`));
      if (page === undefined) return;
      if (this.inFirstPull) this.report.firstPullPages++;
      if (!page.hasMore) this.inFirstPull = false;
      this.cursor = page.cursor;
      this.epoch = page.epoch;
      if (!page.hasMore) return;
    }
  }

  async loop(until: number): Promise<void> {
    // Spread the first requests so the devices do not all arrive within one millisecond.
    await sleep(Math.random() * Math.min(1000, this.plan.thinkMs || 200));
    while (Date.now() < until) {
      await this.push();
      await this.pullAll();
      if (this.plan.thinkMs > 0) await sleep(this.plan.thinkMs * (0.5 + Math.random()));
    }
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function run(plan: LoadPlan): Promise<LoadReport> {
  const report: LoadReport = { push: [], pull: [], firstPullPages: 0, errors: 0, errorSamples: [], elapsedMs: 0 };
  const firstPulls = Math.round(plan.devices.length * plan.firstPullShare);
  const devices = plan.devices.map((account, i) => new Device(plan, account, i, report));
  // Sign-ins (scrypt on the server) happen once per device, before the timed window, a few at a time.
  for (let i = 0; i < devices.length; i += 8) {
    await Promise.all(devices.slice(i, i + 8).map((d, k) => d.signIn(i + k < firstPulls)));
  }
  const started = Date.now();
  await Promise.all(devices.map((d) => d.loop(started + plan.durationMs)));
  report.elapsedMs = Date.now() - started;
  return report;
}

const plan = JSON.parse(await readStdin()) as LoadPlan;
process.stdout.write(`${JSON.stringify(await run(plan))}\n`);
