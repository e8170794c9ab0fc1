// A bench's server in a process of its own (so the simulated devices do not share its event loop):
// `tsx bench/support/server-process.ts <postgres-url> <schema> [workers]` prints {"url": …} and serves until
// SIGTERM; with workers > 1, that many worker processes as `serve --workers N` runs them (server/cli/worker-pool.ts).
import { startServer } from '../../server/app';
import { isPoolWorker, reportListening, runWorkerPool } from '../../server/cli/worker-pool';

const [url, schema, workersArg] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: server-process.ts <postgres-url> <schema> [workers]');
const workers = Number(workersArg ?? 1);

if (workers > 1 && !isPoolWorker()) {
  runWorkerPool(
    workers,
    (line) => {
      const listening = /listening on (http:\/\/\S+)/.exec(line);
      if (listening) console.log(JSON.stringify({ url: listening[1], workers }));
    },
    (line) => console.error(line),
  );
} else {
  const server = await startServer({ store: { kind: 'postgres', url, schema }, port: 0, loginRateLimit: { max: 100_000, timeWindowMs: 60_000 } });
  if (isPoolWorker()) reportListening(server.url);
  else console.log(JSON.stringify({ url: server.url }));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
