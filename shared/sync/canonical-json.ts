// JSON with object keys sorted, so two values that mean the same thing give the same string whatever
// order their keys were built in. Used to tell "same value" from "different value" when deciding whether
// a concurrent write is a conflict worth keeping.
//
// It follows JSON.stringify for everything else (toJSON, NaN -> null, undefined/functions dropped from
// objects and null in arrays, BigInt and cycles throw), because that is what a value becomes on the wire.
// A top-level undefined gives 'null' rather than undefined: both mean "no value" once synced.

export function canonicalJson(value: unknown): string {
  return serialize(value, '', new Set()) ?? 'null';
}

function serialize(input: unknown, key: string, ancestors: Set<object>): string | undefined {
  let value = input;
  if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = (toJSON as (key: string) => unknown).call(value, key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();

  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: BigInt is not JSON');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';

  const object = value as object;
  if (ancestors.has(object)) throw new TypeError('canonicalJson: circular structure');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.map((item: unknown, index) => serialize(item, String(index), ancestors) ?? 'null');
      return `[${items.join(',')}]`;
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units: locale-independent, the same on every device and the server.
    for (const name of Object.keys(record).sort()) {
      const serialized = serialize(record[name], name, ancestors);
      if (serialized !== undefined) members.push(`${JSON.stringify(name)}:${serialized}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}
