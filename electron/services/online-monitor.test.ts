import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OnlineMonitor, type IntervalTimer } from './online-monitor';

/** A timer the test fires by hand: no waiting on wall-clock intervals. */
class ManualTimer implements IntervalTimer {
  callback: (() => void) | null = null;
  intervalMs: number | null = null;
  setInterval(callback: () => void, ms: number): unknown {
    this.callback = callback;
    this.intervalMs = ms;
    return 1;
  }
  clearInterval(): void {
    this.callback = null;
  }
  fire(): void {
    this.callback?.();
  }
}

type Mode = 'up' | 'hang' | 'error';
let server: Server | null = null;
let mode: Mode = 'up';
let healthRequests = 0;

async function listen(port = 0): Promise<number> {
  server = createServer((req, res) => {
    if (req.url === '/v1/health') healthRequests++;
    if (mode === 'hang') return;
    res.writeHead(mode === 'up' && req.url === '/v1/health' ? 200 : 503, { 'Content-Type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function goDown(): Promise<void> {
  const s = server;
  server = null;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
}

afterEach(async () => {
  await goDown();
  mode = 'up';
  healthRequests = 0;
});

/** Records changes and lets a test wait for the next one (a readiness signal, not a sleep). */
function changeRecorder(): { changes: boolean[]; next: () => Promise<boolean>; onChange: (online: boolean) => void } {
  const changes: boolean[] = [];
  let waiter: ((online: boolean) => void) | null = null;
  return {
    changes,
    next: () => new Promise<boolean>((resolve) => (waiter = resolve)),
    onChange: (online) => {
      changes.push(online);
      waiter?.(online);
      waiter = null;
    },
  };
}

describe('OnlineMonitor against a real server', () => {
  it('reports online, offline when the server goes down, online when it comes back: changes only', async () => {
    const port = await listen();
    const timer = new ManualTimer();
    const recorder = changeRecorder();
    const monitor = new OnlineMonitor({ getServerUrl: () => `http://127.0.0.1:${port}`, onChange: recorder.onChange, timer, intervalMs: 10_000, timeoutMs: 1_000 });
    expect(monitor.online).toBeNull();

    let next = recorder.next();
    monitor.start();
    expect(await next).toBe(true);
    expect(timer.intervalMs).toBe(10_000);

    // A periodic probe that finds nothing new says nothing.
    expect(await monitor.check()).toBe(true);
    expect(recorder.changes).toEqual([true]);

    await goDown();
    next = recorder.next();
    timer.fire();
    expect(await next).toBe(false);
    expect(monitor.online).toBe(false);
    expect(await monitor.check()).toBe(false);
    expect(recorder.changes).toEqual([true, false]);

    await listen(port);
    // On demand, as main does on resume from sleep.
    expect(await monitor.check()).toBe(true);
    expect(recorder.changes).toEqual([true, false, true]);
    monitor.stop();
  });

  it('counts a server that does not answer within the timeout as offline', async () => {
    const port = await listen();
    mode = 'hang';
    const recorder = changeRecorder();
    const monitor = new OnlineMonitor({ getServerUrl: () => `http://127.0.0.1:${port}`, onChange: recorder.onChange, timer: new ManualTimer(), timeoutMs: 150 });
    const started = Date.now();
    expect(await monitor.check()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(recorder.changes).toEqual([false]);
  });

  it('counts an error status as offline', async () => {
    const port = await listen();
    mode = 'error';
    const monitor = new OnlineMonitor({ getServerUrl: () => `http://127.0.0.1:${port}`, onChange: () => undefined, timer: new ManualTimer() });
    expect(await monitor.check()).toBe(false);
    expect(healthRequests).toBe(1);
  });

  it('is offline without a server address, and follows a new address', async () => {
    const port = await listen();
    let serverUrl: string | null = null;
    const recorder = changeRecorder();
    const monitor = new OnlineMonitor({ getServerUrl: () => serverUrl, onChange: recorder.onChange, timer: new ManualTimer() });
    expect(await monitor.check()).toBe(false);
    expect(healthRequests).toBe(0);
    serverUrl = `http://127.0.0.1:${port}/`;
    expect(await monitor.check()).toBe(true);
    expect(recorder.changes).toEqual([false, true]);
  });

  it('stops probing and reporting after stop()', async () => {
    const port = await listen();
    const timer = new ManualTimer();
    const recorder = changeRecorder();
    const monitor = new OnlineMonitor({ getServerUrl: () => `http://127.0.0.1:${port}`, onChange: recorder.onChange, timer });
    monitor.stop();
    monitor.start();
    monitor.stop();
    expect(timer.callback).toBeNull();
    await monitor.check();
    expect(recorder.changes).toEqual([]);
  });

  it('lets the probe started last decide when probes overlap', async () => {
    const port = await listen();
    const recorder = changeRecorder();
    let serverUrl: string | null = `http://127.0.0.1:${port}`;
    const monitor = new OnlineMonitor({ getServerUrl: async () => serverUrl, onChange: recorder.onChange, timer: new ManualTimer() });
    const first = monitor.check(); // reads the address before the change below
    serverUrl = null;
    const second = monitor.check();
    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(recorder.changes).toEqual([false]);
  });
});
