// `serve --workers N` (issue 11, docs/deploy.md "Several server processes"): N server processes made with
// node:cluster, sharing one port and one PostgreSQL. Every guarantee that must hold across them already lives
// in the database — a device's pushes in order (an advisory lock per device), idempotency (applied mutation
// ids), pokes (LISTEN/NOTIFY), the login limit (a SQL rate-limit store), migrations (an advisory lock) — so a
// worker is the ordinary server, and the primary process only starts, restarts and stops them.
import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the primary once it listens. */
interface ListeningMessage {
  type: 'provincedesk-listening';
  url: string;
}

const isListening = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'provincedesk-listening' && typeof (message as { url?: unknown }).url === 'string';

/** In a worker: tell the primary this process serves `url`. */
export function reportListening(url: string): void {
  const message: ListeningMessage = { type: 'provincedesk-listening', url };
  process.send?.(message);
}

export const isPoolWorker = (): boolean => cluster.isWorker;

/** A worker that stops this soon after starting is failing to start: wait before the next, so a down database is not hammered. */
const QUICK_EXIT_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * In the primary: starts `count` workers running this same command line, prints the readiness line once all
 * listen (then one line per worker with its process id, for operators and the multi-process tests), starts
 * a new worker whenever one stops unexpectedly, and on SIGTERM/SIGINT stops them all and exits.
 */
export function runWorkerPool(count: number, out: (line: string) => void, err: (line: string) => void): void {
  let stopping = false;
  let announced = false;
  let quickExits = 0;
  const started = new Map<Worker, number>();
  const listening = new Map<Worker, string>();

  const start = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    worker.on('message', (message: unknown) => {
      if (!isListening(message)) return;
      listening.set(worker, message.url);
      if (announced) {
        out(`worker ${worker.process.pid} listening`);
        return;
      }
      if (listening.size < count) return;
      announced = true;
      // The end-to-end harness and the multi-process tests wait for this line, as for a single process.
      out(`ProvinceDesk server listening on ${message.url} (${count} worker processes)`);
      for (const w of listening.keys()) out(`worker ${w.process.pid} listening`);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    listening.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    quickExits = lived < QUICK_EXIT_MS ? quickExits + 1 : 0;
    const delay = Math.min(MAX_RESTART_DELAY_MS, quickExits * 1_000);
    err(`worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another${delay ? ` in ${delay / 1000} s` : ''}`);
    setTimeout(start, delay);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (started.size === 0) process.exit(0);
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (let i = 0; i < count; i++) start();
}
