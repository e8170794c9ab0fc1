// The server's commands, run by server/cli.ts (`npm run server -- <command> [options]`) and by tests.
// Data: DATABASE_URL when set, otherwise the PGlite folder given by --data (default .data/server).
import { isIP } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/sync/protocol';
import { demoAccountsNotice, ensureDemoAccounts, usersOtherThanDemo } from '../accounts/demo-accounts';
import { userInfo } from 'node:os';
import { AccountError, createOffice, createUser, listDevices, listOffices, revokeDevice } from '../accounts/accounts-repository';
import { listDeviceAudit, recordDeviceAudit, wipeDevices } from '../accounts/device-wipe';
import { disableUser, enableUser, listUsers, setPassword } from '../accounts/user-admin';
import { startServer } from '../app';
import { openStore, storeOptionsFromEnv, type Store, type StoreOptions } from '../store/open-store';
import { DEFAULT_KEEP_FILES_DAYS, dropUnreferencedBlobs } from '../blobs/file-retention';
import { DEFAULT_KEEP_UPLOADS_DAYS, dropIdleUploads } from '../blobs/upload-retention';
import { DEFAULT_KEEP_MUTATION_IDS_DAYS, dropAppliedMutationIds } from '../sync/mutation-id-retention';
import { dropExpiredRateLimits } from '../http/sql-rate-limit-store';
import { pruneHistory } from '../sync/pull-service';
import { markRestored } from '../sync/server-epoch';
import { publishUpdate } from '../updates/update-files';
import { isPoolWorker, reportListening, runWorkerPool } from './worker-pool';


const USAGE = `usage: npm run server -- <command> [options]

  serve          [--port 8787] [--host 127.0.0.1] [--data DIR] [--demo]   (default command)
                 [--workers N]: N server processes on one port, sharing the PostgreSQL of DATABASE_URL (one
                 per core; the embedded store serves one process). A worker that stops is started again
                 --demo: on first run create demo accounts (Chiang Rai, one user per role); loopback only, and only
                 in the embedded store with no users of its own (--force-demo: also with DATABASE_URL or other users)
                 [--allow-origin ORIGIN ...]: web origins allowed to call the API (the browser shell)
                 [--trust-proxy ADDRESS ...]: reverse proxies whose X-Forwarded-For names the client (nginx: 127.0.0.1)
                 [--public-url URL]: the address websites reach this server by, for the feed's links
                 (or PROVINCEDESK_PUBLIC_URL; without it the feed's links are relative)
  create-office  --province 10 [--district 1001] --name NAME
  list-offices
  create-admin   --username NAME --display-name NAME [--password PW]
  create-user    --username NAME --display-name NAME --role officer|editor|coordinator|admin --office ID [--password PW]
  list-users     who exists: username, role, office, display name, active or disabled, active devices
  disable-user   --username NAME   refuse their logins and revoke all their devices, until enable-user
  enable-user    --username NAME   let them sign in again (each computer signs in anew)
  set-password   --username NAME [--password PW]   a new password (devices signed in stay signed in)
  list-devices   [--username NAME]
  revoke-device  --device ID   sign the device out: its unsent work stays on it until someone signs in again
  wipe-device    --device ID | --username NAME   a lost or stolen laptop: at its next contact the device deletes
                 every record, attachment, backup and key it holds (all devices of the user with --username)
  audit-log      [--device ID]   revokes, wipes, and when each wiped device learnt of it
  prune          [--up-to SEQ] [--keep-mutations-days 90] [--keep-uploads-days 7] [--keep-files-days 30]
                 drop tombstones and resolved conflicts up to SEQ (default: all; older cursors must refetch),
                 ids of mutations applied more than N days ago (a device resending one gets it applied again),
                 unfinished blob uploads untouched for N days (a device resuming one starts from byte 0),
                 and files (blobs) no live attachment names, last sent more than N days ago; 0 is allowed
                 here: after erasing people (PDPA), --keep-files-days 0 removes their photos at once
  publish-update --from DIR [--updates DIR]   publish an electron-builder release folder to the update feed
  mark-restored  after restoring the database from a backup, before serving it again: starts a new epoch,
                 so every device pulls everything and sends back what the backup lacks (docs/deploy.md)

Every command takes --data DIR (PGlite folder, default .data/server); DATABASE_URL overrides it.
Updates are served at /updates/ from --updates DIR (or PROVINCEDESK_UPDATES_DIR; default .data/updates).
Passwords may come from PROVINCEDESK_PASSWORD instead of --password (keeps them out of the process list).`;

class UsageError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  province: { type: 'string' },
  district: { type: 'string' },
  name: { type: 'string' },
  username: { type: 'string' },
  'display-name': { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  office: { type: 'string' },
  device: { type: 'string' },
  'up-to': { type: 'string' },
  'keep-mutations-days': { type: 'string' },
  'keep-uploads-days': { type: 'string' },
  'keep-files-days': { type: 'string' },
  demo: { type: 'boolean' },
  'force-demo': { type: 'boolean' },
  'allow-origin': { type: 'string', multiple: true },
  'trust-proxy': { type: 'string', multiple: true },
  'public-url': { type: 'string' },
  workers: { type: 'string' },
  from: { type: 'string' },
  updates: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Where a command writes and reads; tests pass their own output, environment and store. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Opens the store a command works on (DATABASE_URL or --data, as `env` says). */
  openStore(options: StoreOptions): Promise<Store>;
}

const DEFAULT_ENVIRONMENT: CliEnvironment = {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  openStore,
};

function updatesDir(values: { updates?: string }, env: NodeJS.ProcessEnv): string {
  return values.updates ?? env.PROVINCEDESK_UPDATES_DIR ?? path.join('.data', 'updates');
}

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`missing --${name}`);
  return value;
}

/**
 * A whole number of days, at least `min`: 1 by default, as 0 would drop what a device is sending this very
 * minute. Files allow 0 on purpose (photos of people just erased), at that very risk (docs/deploy.md).
 */
function days(values: Values, name: 'keep-mutations-days' | 'keep-uploads-days' | 'keep-files-days', fallback: number, min = 1): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of days, at least ${min}`);
  return n;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function password(values: Values, env: NodeJS.ProcessEnv): string {
  const value = values.password ?? env.PROVINCEDESK_PASSWORD;
  if (value === undefined || value === '') throw new UsageError('missing --password (or PROVINCEDESK_PASSWORD)');
  return value;
}

async function withStore<T>(cli: CliEnvironment, values: Values, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await cli.openStore(storeOptionsFromEnv(values.data, cli.env));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function serve(cli: CliEnvironment, values: Values): Promise<void> {
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad --port ${values.port}`);
  const host = values.host ?? '127.0.0.1';
  const trustProxy = values['trust-proxy'] ?? [];
  const publicUrl = values['public-url'] ?? (cli.env.PROVINCEDESK_PUBLIC_URL || undefined);
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/.test(publicUrl)) {
    throw new UsageError(`bad --public-url ${publicUrl}: the address websites reach this server by, such as https://sync.example.go.th`);
  }
  for (const address of trustProxy) {
    const [ip = '', prefix] = address.split('/');
    if (!isIP(ip) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new UsageError(`bad --trust-proxy ${address}: an IP address, or a network such as 10.0.0.0/8`);
  }
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`bad --workers ${values.workers}: a whole number from 1 to 64`);
  const pool = workers > 1 && !isPoolWorker();
  if (pool && storeOptionsFromEnv(values.data, cli.env).kind !== 'postgres') {
    throw new UsageError('--workers needs DATABASE_URL: several processes share one PostgreSQL, while the embedded store (--data) is opened by one process only');
  }
  // Workers skip what the primary did before starting them.
  if (values.demo === true && !isPoolWorker()) {
    // A known password is only acceptable on a server nobody else can reach, and in a store that holds no
    // one's real data (issue 18: --demo added a demo admin to a production database).
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new UsageError('--demo only with a loopback --host');
    const force = values['force-demo'] === true;
    if (storeOptionsFromEnv(values.data, cli.env).kind === 'postgres' && !force) {
      throw new UsageError('--demo is for the embedded store: with DATABASE_URL set it would add demo accounts with a published password to that database (--force-demo if that is really wanted)');
    }
    await withStore(cli, values, async (store) => {
      const others = await usersOtherThanDemo(store.sql);
      if (others > 0 && !force) throw new UsageError(`--demo refused: this store already has ${others} users of its own (--force-demo if the demo accounts are really wanted here)`);
      await ensureDemoAccounts(store.sql);
    });
  }
  if (pool) {
    runWorkerPool(workers, cli.out, cli.err);
    return;
  }
  const server = await startServer({
    store: storeOptionsFromEnv(values.data, cli.env),
    port,
    host,
    updatesDir: updatesDir(values, cli.env),
    publicUrl,
    allowedOrigins: values['allow-origin'] ?? [],
    trustProxy,
    logger: { level: cli.env.LOG_LEVEL ?? 'info' },
  });
  if (isPoolWorker()) reportListening(server.url);
  // The end-to-end harness and the fault test wait for this line.
  else cli.out(`ProvinceDesk server listening on ${server.url}`);
  if (values.demo === true && !isPoolWorker()) cli.out(demoAccountsNotice(server.url));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function run(cli: CliEnvironment, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const command = positionals[0] ?? 'serve';
  if (values.help === true) {
    cli.out(USAGE);
    return;
  }
  switch (command) {
    case 'serve':
      return serve(cli, values);
    case 'create-office':
      return withStore(cli, values, async (store) => {
        const office = await createOffice(store.sql, { provinceCode: required(values, 'province'), districtCode: values.district ?? null, name: required(values, 'name') });
        cli.out(`office ${office.id} created (${office.provinceCode}${office.districtCode === null ? '' : ` / ${office.districtCode}`} ${office.name})`);
      });
    case 'list-offices':
      return withStore(cli, values, async (store) => {
        for (const o of await listOffices(store.sql)) cli.out(`${o.id}\t${o.provinceCode}\t${o.districtCode ?? '-'}\t${o.name}`);
      });
    case 'create-admin':
    case 'create-user':
      return withStore(cli, values, async (store) => {
        const role = (command === 'create-admin' ? 'admin' : required(values, 'role')) as Role;
        if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const { id } = await createUser(store.sql, {
          username: required(values, 'username'),
          displayName: required(values, 'display-name'),
          role,
          officeId: role === 'admin' ? (values.office ?? null) : required(values, 'office'),
          password: password(values, cli.env),
        });
        cli.out(`${role} ${values.username} created (${id})`);
      });
    case 'list-users':
      return withStore(cli, values, async (store) => {
        for (const u of await listUsers(store.sql)) {
          const office = u.office === null ? '-' : `${u.office.provinceCode}${u.office.districtCode === null ? '' : `/${u.office.districtCode}`} ${u.office.name}`;
          const status = u.disabledAt === null ? 'active' : `disabled ${u.disabledAt}`;
          cli.out(`${u.username}\t${u.role}\t${office}\t${u.displayName}\t${status}\t${u.activeDevices} active devices`);
        }
      });
    case 'disable-user': {
      const username = required(values, 'username').trim().toLowerCase();
      return withStore(cli, values, async (store) => {
        const result = await disableUser(store.sql, username);
        const what = result.alreadyDisabled ? `was already disabled (since ${result.disabledAt})` : 'disabled';
        cli.out(`user ${username} ${what}; ${result.revokedDevices} devices revoked`);
      });
    }
    case 'enable-user': {
      const username = required(values, 'username').trim().toLowerCase();
      return withStore(cli, values, async (store) => {
        const { wasDisabled } = await enableUser(store.sql, username);
        cli.out(wasDisabled ? `user ${username} enabled; they sign in again on each computer` : `user ${username} was not disabled`);
      });
    }
    case 'set-password': {
      const username = required(values, 'username').trim().toLowerCase();
      const newPassword = password(values, cli.env);
      return withStore(cli, values, async (store) => {
        const { disabled } = await setPassword(store.sql, username, newPassword);
        cli.out(`password of ${username} set${disabled ? ' (the user is disabled: enable-user lets them sign in)' : ''}`);
      });
    }
    case 'list-devices':
      return withStore(cli, values, async (store) => {
        for (const d of await listDevices(store.sql, values.username)) {
          const state = d.wipeRequestedAt !== null ? `wipe ${d.wipeRequestedAt}${d.wipeDeliveredAt === null ? ' (not yet told)' : `, told ${d.wipeDeliveredAt}`}` : d.revokedAt === null ? 'active' : `revoked ${d.revokedAt}`;
          cli.out(`${d.id}\t${d.username}\t${d.name}\tlast seen ${d.lastSeenAt ?? '-'}\t${state}`);
        }
      });
    case 'revoke-device':
      return withStore(cli, values, async (store) => {
        const id = values.device ?? positionals[1];
        if (id === undefined) throw new UsageError('missing --device');
        if (!(await revokeDevice(store.sql, id))) throw new AccountError(`no active device ${id}`);
        await recordDeviceAudit(store.sql, 'revoke-device', [id], cliActor(cli.env));
        cli.out(`device ${id} revoked`);
      });
    case 'wipe-device':
      return withStore(cli, values, async (store) => {
        const id = values.device ?? positionals[1];
        if (id === undefined && values.username === undefined) throw new UsageError('missing --device or --username');
        const marked = await wipeDevices(store.sql, id !== undefined ? { deviceId: id } : { username: required(values, 'username') }, cliActor(cli.env));
        if (marked.length === 0) cli.out('already marked to be wiped; nothing changed');
        for (const device of marked) cli.out(`device ${device} will be wiped at its next contact (signed out now)`);
      });
    case 'audit-log':
      return withStore(cli, values, async (store) => {
        for (const e of await listDeviceAudit(store.sql, values.device)) cli.out(`${e.at}\t${e.action}\t${e.deviceId}\t${e.username}\tby ${e.actor}${e.detail ? `\t${e.detail}` : ''}`);
      });
    case 'prune': {
      const upTo = values['up-to'] === undefined ? undefined : Number(values['up-to']);
      if (upTo !== undefined && !Number.isSafeInteger(upTo)) throw new UsageError('bad --up-to');
      const keepMutations = days(values, 'keep-mutations-days', DEFAULT_KEEP_MUTATION_IDS_DAYS);
      const keepUploads = days(values, 'keep-uploads-days', DEFAULT_KEEP_UPLOADS_DAYS);
      const keepFiles = days(values, 'keep-files-days', DEFAULT_KEEP_FILES_DAYS, 0);
      return withStore(cli, values, async (store) => {
        // Four steps (and the login counters), each atomic on its own. The history and file steps hold the change-sequence lock
        // (which pushes wait for); files come after history so that attachment tombstones pruned there
        // free their blobs in the same run.
        const result = await pruneHistory(store, upTo);
        cli.out(`pruned ${result.records} tombstones and ${result.conflicts} resolved conflicts; min valid seq ${result.minValidSeq}`);
        const mutationIds = await dropAppliedMutationIds(store.sql, keepMutations);
        cli.out(`dropped ${mutationIds} applied mutation ids older than ${keepMutations} days`);
        const uploads = await dropIdleUploads(store.sql, keepUploads);
        cli.out(`dropped ${uploads.uploads} unfinished uploads untouched for ${keepUploads} days (${megabytes(uploads.bytes)})`);
        const files = await dropUnreferencedBlobs(store.sql, keepFiles);
        cli.out(`dropped ${files.blobs} files no live attachment names, last sent more than ${keepFiles} days ago (${megabytes(files.bytes)})`);
        cli.out(`dropped ${await dropExpiredRateLimits(store.sql)} expired login counters`);
      });
    }
    case 'mark-restored':
      return withStore(cli, values, async (store) => {
        const { previousEpoch, epoch, lastSeq } = await markRestored(store.sql);
        cli.out(`new epoch ${epoch} (was ${previousEpoch}) at seq ${lastSeq}: devices will reconcile at their next sync`);
      });
    case 'publish-update': {
      const target = updatesDir(values, cli.env);
      const published = await publishUpdate(required(values, 'from'), target);
      cli.out(`published ${published.length} files to ${target}: ${published.join(', ')}`);
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

/** Who ran an admin command, for the device audit log: the operating-system account. */
function cliActor(env: NodeJS.ProcessEnv): string {
  let name = env.USER ?? env.USERNAME ?? '';
  try {
    name ||= userInfo().username;
  } catch {
    // no account name on this system
  }
  return `cli:${name || 'unknown'}`;
}

/** Runs one command; resolves to the process exit code (errors are reported on `err`, never thrown). */
export async function runCli(argv: string[], environment: Partial<CliEnvironment> = {}): Promise<number> {
  const cli: CliEnvironment = { ...DEFAULT_ENVIRONMENT, ...environment };
  try {
    await run(cli, argv);
    return 0;
  } catch (error: unknown) {
    if (error instanceof UsageError) cli.err(`${error.message}\n\n${USAGE}`);
    else if (error instanceof AccountError || (error instanceof Error && error.name === 'ZodError')) cli.err(`error: ${error.message}`);
    else if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) cli.err(`${error.message}\n\n${USAGE}`);
    else cli.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
