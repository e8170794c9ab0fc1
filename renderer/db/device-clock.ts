import { HybridLogicalClock, nodeIdFromDeviceId } from '../../shared/sync/hybrid-logical-clock';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import type { DeskDatabase } from './database';

/** The syncState row holding this PC's own id (the node of its HLC stamps). */
export const DEVICE_KEY = 'device';
const CLOCK_KEY = 'clock';

export interface DeviceIdentity {
  /** Local device id: the prefix of every mutation id this device ever sends. */
  deviceId: string;
  nodeId: string;
}

/** Reads the device identity, creating it on first run. */
export async function loadDeviceIdentity(db: DeskDatabase): Promise<DeviceIdentity> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(DEVICE_KEY);
    let deviceId = typeof row?.value === 'string' ? row.value : null;
    if (!deviceId) {
      deviceId = uuidv7().replace(/-/g, '');
      await db.syncState.put({ key: DEVICE_KEY, value: deviceId });
    }
    return { deviceId, nodeId: nodeIdFromDeviceId(deviceId) };
  });
}

/** The device's hybrid logical clock, restored from its last persisted state. */
export async function loadDeviceClock(db: DeskDatabase, identity: DeviceIdentity, now?: () => number): Promise<HybridLogicalClock> {
  const row = await db.syncState.get(CLOCK_KEY);
  const state = isClockState(row?.value) ? row.value : undefined;
  return new HybridLogicalClock({ node: identity.nodeId, now, state });
}

/** Persists the clock; called inside the same transaction as the write that ticked it. */
export function saveDeviceClock(db: DeskDatabase, clock: HybridLogicalClock): Promise<string> {
  return db.syncState.put({ key: CLOCK_KEY, value: clock.snapshot() });
}

function isClockState(v: unknown): v is { millis: number; counter: number } {
  return typeof v === 'object' && v !== null && typeof (v as { millis?: unknown }).millis === 'number' && typeof (v as { counter?: unknown }).counter === 'number';
}
