// The preload, run in Node with `electron` stood in for (its binary cannot be installed where tests run):
// it exposes `window.desk` and nothing else, every method goes out on its own desk channel with its
// argument as given, and events reach the page as bare payloads that can be unsubscribed.
import { describe, expect, it, vi } from 'vitest';
import type { DeskApi, DeskEvent } from '../shared/ipc/desk-api';
import { DESK_METHODS } from '../shared/ipc';
import { DESK_EVENT_CHANNEL } from '../shared/ipc/desk-channels';

type Relay = (event: unknown, payload: unknown) => void;

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  listeners: new Map<string, Set<Relay>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, relay: Relay) => fake.listeners.set(channel, (fake.listeners.get(channel) ?? new Set()).add(relay)),
    removeListener: (channel: string, relay: Relay) => fake.listeners.get(channel)?.delete(relay),
  },
}));

await import('./preload');
const desk = fake.exposed.get('desk') as DeskApi;

describe('preload (Electron stood in for)', () => {
  it('exposes window.desk and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual([...Object.keys(DESK_METHODS), 'onEvent'].sort());
  });

  it('sends every method on its own channel with the argument unchanged', async () => {
    for (const method of Object.keys(DESK_METHODS) as Array<keyof typeof DESK_METHODS>) {
      fake.invoked.length = 0;
      const argument = { probe: method };
      await (desk[method] as (argument: unknown) => Promise<unknown>)(argument);
      const takesArgument = desk[method].length > 0;
      expect(fake.invoked).toEqual([{ channel: DESK_METHODS[method].channel, args: takesArgument ? [argument] : [] }]);
    }
  });

  it('hands the page only the event payload, and stops when unsubscribed', () => {
    const seen: DeskEvent[] = [];
    const unsubscribe = desk.onEvent((event) => seen.push(event));
    const relays = () => [...(fake.listeners.get(DESK_EVENT_CHANNEL) ?? [])];
    expect(relays()).toHaveLength(1);
    const ipcEvent = { sender: { send: () => undefined } };
    relays()[0]!(ipcEvent, { type: 'poke' });
    expect(seen).toEqual([{ type: 'poke' }]);
    unsubscribe();
    expect(relays()).toHaveLength(0);
  });
});
