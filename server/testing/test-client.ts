import type { FastifyInstance, InjectOptions } from 'fastify';
import { formatStamp } from '../../shared/sync/hybrid-logical-clock';
import type { Mutation } from '../../shared/sync/mutation';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, SCHEMA_VERSION, type LoginResponse } from '../../shared/sync/protocol';
import { uuidv7 } from '../../shared/ids/uuid-v7';

export const VERSION_HEADERS = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [SCHEMA_HEADER]: String(SCHEMA_VERSION) };

/** fastify.inject with the protocol headers and, once logged in, the bearer token. */
export class TestClient {
  token: string | undefined;
  deviceId = '';
  /** The epoch of the last page pulled: sent with every cursor above 0, as a device does. */
  epoch: string | undefined;
  private seq = 0;

  constructor(private readonly app: FastifyInstance) {}

  /** A device of this user, logged in. */
  static async signedIn(app: FastifyInstance, user: { username: string; password: string }): Promise<TestClient> {
    const client = new TestClient(app);
    await client.login(user.username, user.password);
    return client;
  }

  request(options: InjectOptions) {
    const headers = { ...VERSION_HEADERS, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...options.headers };
    return this.app.inject({ ...options, headers });
  }

  async login(username: string, password: string, deviceName = 'test laptop'): Promise<LoginResponse> {
    const response = await this.request({ method: 'POST', url: '/v1/auth/login', payload: { username, password, deviceName } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const body = response.json<LoginResponse>();
    this.token = body.token;
    this.deviceId = body.deviceId;
    return body;
  }

  push(mutations: Mutation[]) {
    return this.request({ method: 'POST', url: '/v1/sync/push', payload: { mutations } });
  }

  async pull(cursor = 0, limit?: number, epoch = this.epoch) {
    const since = cursor > 0 && epoch !== undefined ? `&epoch=${encodeURIComponent(epoch)}` : '';
    const response = await this.request({ method: 'GET', url: `/v1/sync/pull?cursor=${cursor}${since}${limit === undefined ? '' : `&limit=${limit}`}` });
    if (response.statusCode === 200) this.epoch = response.json<{ epoch: string }>().epoch;
    return response;
  }

  nextMutationId(): string {
    return `${this.deviceId}:${++this.seq}`;
  }
}

let fakeNodeCounter = 0;

/** An HLC stamp at `ms` for a node (16 hex). */
export function stampAt(ms: number, node = 'aaaaaaaaaaaaaaaa', counter = 0): string {
  return formatStamp({ millis: ms, counter, node });
}

export function fakeNode(): string {
  return (++fakeNodeCounter).toString(16).padStart(16, '0');
}

/** The domain fields of a valid news item (without id and scope). */
export function newsValues(title = 'สัมมนาเครือข่าย ศส.ปชต.'): Record<string, unknown> {
  return {
    deleted: false,
    title,
    lead: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดจัดสัมมนาเครือข่าย',
    bodyHtml: '<p>เมื่อวันที่ 24 สิงหาคม 2565 เวลา ๐๙.๓๐ น. สำนักงาน กกต. จัดประชุมสัมมนาเครือข่าย ศส.ปชต.</p>',
    category: 'ข่าว/กิจกรรม',
    tags: ['ศส.ปชต.', 'สัมมนา'],
    status: 'draft',
    eventId: null,
    dateline: '2022-08-24',
    authorId: 'u1',
    authorName: 'นางสาวสมใจ ใจดี',
    coverAttachmentId: null,
    photos: [],
    publishedAt: null,
    createdAt: '2022-08-24T09:30:00.000+07:00',
    updatedAt: '2022-08-24T09:30:00.000+07:00',
  };
}

export interface MutationInput {
  id: string;
  table?: Mutation['table'];
  recordId?: string;
  provinceCode: string;
  districtCode?: string | null;
  values: Record<string, unknown>;
  stamp: string;
  prev?: string | null | Record<string, string | null>;
}

/** A mutation writing `values`, each field with `stamp` and `prev`. */
export function mutation(input: MutationInput): Mutation {
  const changes: Mutation['changes'] = {};
  for (const [field, value] of Object.entries(input.values)) {
    const prev = input.prev === undefined ? null : typeof input.prev === 'object' && input.prev !== null ? (input.prev[field] ?? null) : input.prev;
    changes[field] = { value, stamp: input.stamp, prev };
  }
  return {
    id: input.id,
    table: input.table ?? 'news',
    recordId: input.recordId ?? uuidv7(),
    provinceCode: input.provinceCode,
    districtCode: input.districtCode ?? null,
    changes,
  };
}
