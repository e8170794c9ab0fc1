import { describe, expect, it } from 'vitest';
import { DESK_METHODS } from './desk-api';
import { DESK_CHANNELS } from './desk-channels';

describe('desk channels', () => {
  it('name one distinct channel for every desk method, and nothing else', () => {
    expect(Object.keys(DESK_CHANNELS).sort()).toEqual(Object.keys(DESK_METHODS).sort());
    const channels = Object.values(DESK_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    for (const [method, spec] of Object.entries(DESK_METHODS)) expect(spec.channel).toBe(DESK_CHANNELS[method as keyof typeof DESK_CHANNELS]);
  });
});
