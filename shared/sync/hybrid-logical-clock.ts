// Hybrid logical clock (HLC) stamps for per-field last-writer-wins.
//
// Modelled on Actual Budget's crdt/timestamp.ts: a stamp is ISO milliseconds, a counter and a node id,
// formatted at fixed width so that plain string order IS causal order, and a drift limit so that a PC
// whose clock is far in the future cannot win every conflict (DESIGN.md, "Sync protocol (v1)").
//
//   2026-11-22T16:20:00.000Z-0000-0123456789abcdef
//   └─ ISO millis (UTC) ─────┘ └ctr┘ └─ node (16 hex) ┘

export const STAMP_COUNTER_MAX = 0xffff;
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;
/** 9999-12-31T23:59:59.999Z: beyond it toISOString() stops being 24 chars wide and order breaks. */
export const STAMP_MAX_MILLIS = 253_402_300_799_999;

/**
 * Shape only (lower-case hex, fixed widths). Lower case is required: mixing cases would break the
 * string order ('A' < 'a'). Calendar validity (no 30 February) is checked by `isStamp`/`parseStamp`.
 */
export const STAMP_REGEX =
  /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

const NODE_REGEX = /^[0-9a-f]{16}$/;

export interface StampParts {
  millis: number;
  counter: number;
  node: string;
}

export interface ClockState {
  millis: number;
  counter: number;
}

export class InvalidStampError extends Error {
  override readonly name = 'InvalidStampError';
  readonly stamp: unknown;

  constructor(stamp: unknown, reason: string) {
    super(`Invalid HLC stamp ${JSON.stringify(String(stamp))}: ${reason}`);
    this.stamp = stamp;
  }
}

export class ClockDriftError extends Error {
  override readonly name = 'ClockDriftError';
  /** How far the stamp is ahead of the physical clock that refused it. */
  readonly driftMs: number;
  readonly maxDriftMs: number;

  constructor(driftMs: number, maxDriftMs: number) {
    super(`Clock drift too large: stamp is ${driftMs} ms ahead of this clock (limit ${maxDriftMs} ms)`);
    this.driftMs = driftMs;
    this.maxDriftMs = maxDriftMs;
  }
}

export class ClockOverflowError extends Error {
  override readonly name = 'ClockOverflowError';

  constructor() {
    super(`HLC counter overflow: more than ${STAMP_COUNTER_MAX + 1} events in one millisecond`);
  }
}

function isValidMillis(millis: number): boolean {
  return Number.isInteger(millis) && millis >= 0 && millis <= STAMP_MAX_MILLIS;
}

function isValidCounter(counter: number): boolean {
  return Number.isInteger(counter) && counter >= 0 && counter <= STAMP_COUNTER_MAX;
}

// The last stamp parsed and its result: a mutation's fields mostly share one stamp, and a push checks
// each stamp in several places (validation, clock drift, node binding, merge).
let lastParsedText: string | undefined;
let lastParsed: Readonly<StampParts> | string = '';

function tryParse(s: string): Readonly<StampParts> | string {
  if (s === lastParsedText) return lastParsed;
  const parsed = parseUncached(s);
  lastParsedText = s;
  lastParsed = typeof parsed === 'string' ? parsed : Object.freeze(parsed);
  return lastParsed;
}

function parseUncached(s: string): StampParts | string {
  const match = STAMP_REGEX.exec(s);
  if (!match) return 'expected YYYY-MM-DDTHH:mm:ss.sssZ-CCCC-NNNNNNNNNNNNNNNN (lower-case hex)';
  const [, iso = '', counterHex = '', node = ''] = match;
  const millis = Date.parse(iso);
  // The round trip rejects dates the regex lets through (2026-02-30) and anything outside 1970..9999.
  if (!isValidMillis(millis) || new Date(millis).toISOString() !== iso) return 'not a real UTC time from 1970 to 9999';
  return { millis, counter: Number.parseInt(counterHex, 16), node };
}

export function isStamp(value: unknown): value is string {
  return typeof value === 'string' && typeof tryParse(value) !== 'string';
}

export function parseStamp(s: string): Readonly<StampParts> {
  if (typeof s !== 'string') throw new InvalidStampError(s, 'not a string');
  const parsed = tryParse(s);
  if (typeof parsed === 'string') throw new InvalidStampError(s, parsed);
  return parsed;
}

export function formatStamp(parts: StampParts): string {
  const { millis, counter, node } = parts;
  if (!isValidMillis(millis)) throw new InvalidStampError(parts, `millis ${millis} outside 0..${STAMP_MAX_MILLIS}`);
  if (!isValidCounter(counter)) throw new InvalidStampError(parts, `counter ${counter} outside 0..0xffff`);
  if (!NODE_REGEX.test(node)) throw new InvalidStampError(parts, 'node must be 16 lower-case hex characters');
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/**
 * Total order of valid stamps. The fixed-width format makes string order equal to (millis, counter, node)
 * order, so equal time and counter break by node id deterministically. Inputs are not re-validated here
 * (hot path of every merge): validate at the boundary with `isStamp`/`parseStamp`.
 */
export function compareStamps(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

function utf8Bytes(s: string): number[] {
  // Hand-rolled so shared/ needs no TextEncoder; lone surrogates become U+FFFD like TextEncoder does.
  const bytes: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/**
 * The 16-hex node id of a device: FNV-1a 64-bit over the UTF-8 bytes of its id. Deterministic, so a
 * reinstalled device with the same id keeps its node; 64 bits make collisions negligible at our scale.
 */
export function nodeIdFromDeviceId(deviceId: string): string {
  if (deviceId.length === 0) throw new RangeError('nodeIdFromDeviceId: device id is empty');
  let hash = FNV64_OFFSET;
  for (const byte of utf8Bytes(deviceId)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}

export interface HybridLogicalClockOptions {
  /** 16 lower-case hex characters, usually `nodeIdFromDeviceId(deviceId)`. */
  node: string;
  /** Physical clock in epoch milliseconds; injectable for tests. */
  now?: () => number;
  maxDriftMs?: number;
  /** The persisted `snapshot()`, so stamps keep increasing across restarts. */
  state?: ClockState;
}

export class HybridLogicalClock {
  readonly node: string;
  readonly maxDriftMs: number;
  private readonly now: () => number;
  private millis: number;
  private counter: number;

  constructor(options: HybridLogicalClockOptions) {
    if (!NODE_REGEX.test(options.node)) {
      throw new RangeError(`HybridLogicalClock: node must be 16 lower-case hex characters, got ${JSON.stringify(options.node)}`);
    }
    const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
    if (!(maxDriftMs >= 0)) throw new RangeError(`HybridLogicalClock: maxDriftMs must be >= 0, got ${maxDriftMs}`);
    const state = options.state ?? { millis: 0, counter: 0 };
    if (!isValidMillis(state.millis) || !isValidCounter(state.counter)) {
      throw new RangeError(`HybridLogicalClock: invalid state ${JSON.stringify(state)}`);
    }
    this.node = options.node;
    this.maxDriftMs = maxDriftMs;
    this.now = options.now ?? (() => Date.now()); // read at call time, so fake timers apply
    this.millis = state.millis;
    this.counter = state.counter;
  }

  /** A new stamp for a local event; strictly greater than every stamp this clock has issued or received. */
  tick(): string {
    // No drift check here, unlike Actual: an officer offline for days must still be able to write. A clock
    // that ran ahead is caught by the server (checkNotTooFarAhead) and repaired with resetTo.
    const physical = this.physicalNow();
    const millis = Math.max(this.millis, physical);
    const counter = millis === this.millis ? this.counter + 1 : 0;
    this.commit(millis, counter);
    return formatStamp({ millis, counter, node: this.node });
  }

  /** Merges a remote stamp so that later local stamps order after it. Leaves the state untouched on error. */
  receive(stamp: string): void {
    const remote = parseStamp(stamp);
    const physical = this.physicalNow();
    const drift = remote.millis - physical;
    if (drift > this.maxDriftMs) throw new ClockDriftError(drift, this.maxDriftMs);

    const millis = Math.max(this.millis, physical, remote.millis);
    let counter: number;
    if (millis === this.millis && millis === remote.millis) counter = Math.max(this.counter, remote.counter) + 1;
    else if (millis === this.millis) counter = this.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    else counter = 0;
    this.commit(millis, counter);
  }

  /** What to persist (with the write that used the stamp) so a restart never reissues a stamp. */
  snapshot(): ClockState {
    return { millis: this.millis, counter: this.counter };
  }

  /**
   * Recovery after the server refused our stamps as too far ahead: the PC clock was wrong and has been
   * fixed, but the logical time kept the wrong value and would otherwise win every conflict until the
   * real time caught up. Moving back is the point, so this is the one place the clock may go backwards.
   */
  resetTo(millis: number): void {
    if (!isValidMillis(millis)) throw new RangeError(`HybridLogicalClock.resetTo: invalid millis ${millis}`);
    this.millis = millis;
    this.counter = 0;
  }

  /** For the server: refuse a stamp more than `maxDriftMs` ahead of `nowMs` (throws ClockDriftError). */
  static checkNotTooFarAhead(stamp: string, nowMs: number, maxDriftMs: number = DEFAULT_MAX_DRIFT_MS): void {
    const drift = parseStamp(stamp).millis - nowMs;
    if (drift > maxDriftMs) throw new ClockDriftError(drift, maxDriftMs);
  }

  private physicalNow(): number {
    const now = this.now();
    if (!Number.isFinite(now)) throw new RangeError(`HybridLogicalClock: now() returned ${now}`);
    return Math.min(Math.max(Math.floor(now), 0), STAMP_MAX_MILLIS);
  }

  private commit(millis: number, counter: number): void {
    if (counter > STAMP_COUNTER_MAX) throw new ClockOverflowError();
    this.millis = millis;
    this.counter = counter;
  }
}
