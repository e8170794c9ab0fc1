// A bench's server in a process of its own (so the simulated devices do not share its event loop):
// `tsx bench/support/server-process.ts <postgres-url> <schema>` prints {"url": …} and serves until SIGTERM.
import { startServer } from '../../server/app';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: server-process.ts <postgres-url> <schema>');
const server = await startServer({ store: { kind: 'postgres', url, schema }, port: 0, loginRateLimit: { max: 100_000, timeWindowMs: 60_000 } });
console.log(JSON.stringify({ url: server.url }));
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
