import { parseStamp } from '../../shared/sync/hybrid-logical-clock';
import type { Mutation } from '../../shared/sync/mutation';
import type { AuthenticatedDevice } from '../accounts/accounts-repository';
import { ApiError } from '../http/api-error';
import type { SqlQueryable } from '../store/sql-client';

/**
 * Binds the HLC nodes a push stamps with to the device that pushes them (issue 18). Two devices stamping
 * with one node (a copied profile, another PC's backup with its pending changes) can issue equal stamps
 * for different values, and equal stamps are taken as the same write: the devices would disagree for
 * good without anyone knowing. A node belongs to the first device that pushes a stamp of it. Another
 * device may use it too when it is the same user's (their own sign-ins and PCs), or when the owner has been
 * revoked (signed out, a lost laptop, a disabled user): the node is then bound to it. Otherwise the whole
 * push is refused with `409 node-in-use`, and nothing of it is written: the device keeps its outbox, and
 * an administrator revokes the other device (revoke-device) for it to sync again. A node not yet bound to
 * this device is locked (an advisory lock per node, till the push commits) and read again, so two first
 * pushes of one node never both bind it.
 */
export async function bindStampNodes(tx: SqlQueryable, device: AuthenticatedDevice, mutations: readonly Mutation[], readOwners?: ReadonlyMap<string, NodeOwner>): Promise<void> {
  const nodes = stampNodesOf(mutations);
  if (nodes.length === 0) return;
  // The push reads its nodes' owners with its records (push_read); read here when not given.
  let owners = readOwners ?? (await ownersOf(tx, nodes));
  // The common case, a device's own node, needs no lock: only this device's pushes (serialised) rebind it.
  if (nodes.every((node) => owners.get(node)?.device_id === device.deviceId)) return;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('provincedesk-node:' || current_schema() || ':' || n)) FROM (SELECT n FROM unnest($1::text[]) AS n ORDER BY n) AS sorted`, [nodes]);
  owners = await ownersOf(tx, nodes);
  for (const node of nodes) {
    const owner = owners.get(node);
    if (owner === undefined) {
      await tx.query('INSERT INTO device_nodes (node, device_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (node) DO NOTHING', [node, device.deviceId, device.user.id]);
    } else if (owner.device_id === device.deviceId || owner.user_id === device.user.id) {
      continue;
    } else if (owner.revoked) {
      await tx.query('UPDATE device_nodes SET device_id = $2, user_id = $3, bound_at = now() WHERE node = $1', [node, device.deviceId, device.user.id]);
    } else {
      throw new ApiError(
        409,
        'node-in-use',
        `เครื่องนี้ใช้รหัสประทับเวลา ${node} เดียวกับอุปกรณ์ “${owner.name ?? ''}” (${owner.device_id}) ของผู้ใช้อื่นที่ยังลงทะเบียนอยู่ ` +
          'อาจเพราะคัดลอกโปรแกรมหรือกู้ข้อมูลสำรองมาจากเครื่องนั้น ข้อมูลที่ยังไม่ได้ส่งยังอยู่ครบในเครื่องนี้ ' +
          'ให้ผู้ดูแลระบบยกเลิกการลงทะเบียนอุปกรณ์นั้น (revoke-device) แล้วซิงก์อีกครั้ง',
      );
    }
  }
}

/** The HLC nodes these mutations' stamps name. */
export function stampNodesOf(mutations: readonly Mutation[]): string[] {
  return [...new Set(mutations.flatMap((m) => Object.values(m.changes).map((c) => parseStamp(c.stamp).node)))];
}

export interface NodeOwner {
  node: string;
  device_id: string;
  user_id: string;
  revoked: boolean;
  name: string | null;
}

async function ownersOf(tx: SqlQueryable, nodes: readonly string[]): Promise<Map<string, NodeOwner>> {
  const { rows } = await tx.query<NodeOwner>(
    `SELECT n.node, n.device_id, n.user_id, (d.id IS NULL OR d.revoked_at IS NOT NULL) AS revoked, d.name
       FROM device_nodes n LEFT JOIN devices d ON d.id = n.device_id
      WHERE n.node = ANY($1::text[])`,
    [nodes],
  );
  return new Map(rows.map((r) => [r.node, r]));
}
