import { describe, expect, it } from 'vitest';
import { adoptedDraft, keepMine, reconcileWithLive, takeTheirs, type EditState } from './edit-reconcile';

interface Person {
  phone: string | null;
  email: string;
  notes: string;
  updatedAt: string;
  _stamps: Record<string, string>;
}
interface Draft {
  phone: string;
  email: string;
}

const OWN = '00000000000000aa';
const OTHER = '00000000000000bb';
const stamp = (second: number, node = OTHER) => `2026-12-04T10:00:${String(second).padStart(2, '0')}.000Z-0000-${node}`;
const toDraft = (p: Person): Draft => ({ phone: p.phone ? `${p.phone.slice(0, 3)}-${p.phone.slice(3, 6)}-${p.phone.slice(6)}` : '', email: p.email });
const options = { toDraft, ownNode: OWN };

const loaded: Person = { phone: '0871055433', email: 'a@example.go.th', notes: '', updatedAt: 't0', _stamps: { phone: stamp(0), email: stamp(0), notes: stamp(0), updatedAt: stamp(0) } };
const opened = (draft: Partial<Draft> = {}): EditState<Person, Draft> => ({ base: loaded, draft: { ...toDraft(loaded), ...draft } });
const pulled = (patch: Partial<Person>, second = 5, node = OTHER): Person => {
  const stamps = { ...loaded._stamps };
  for (const field of Object.keys(patch)) stamps[field] = stamp(second, node);
  return { ...loaded, ...patch, _stamps: stamps };
};

describe('an open form while the stored record changes', () => {
  it('shows a pulled value in a field the user has not touched, and takes it as its base', () => {
    const live = pulled({ phone: '0811111111', updatedAt: 't1' });
    const result = reconcileWithLive(opened(), live, options);
    expect(result.draft.phone).toBe('081-111-1111');
    expect(result.clashes).toEqual([]);
    expect(result.base._stamps.phone).toBe(live._stamps.phone);
    expect(result.base._stamps.updatedAt).toBe(live._stamps.updatedAt);
    expect(result.changed).toBe(true);
    // Again: nothing left to do.
    expect(reconcileWithLive(result, live, options).changed).toBe(false);
  });

  it('keeps what the user typed in a touched field and offers the other value beside it', () => {
    const live = pulled({ phone: '0811111111', email: 'b@example.go.th' });
    const result = reconcileWithLive(opened({ phone: '082-222-2222' }), live, options);
    expect(result.draft).toEqual({ phone: '082-222-2222', email: 'b@example.go.th' });
    expect(result.clashes).toEqual([{ field: 'phone', keys: ['phone'], theirs: { phone: '081-111-1111' }, value: '0811111111' }]);
    // The base keeps the stamp the user saw: saved as it is, the server sees two concurrent writes.
    expect(result.base._stamps.phone).toBe(loaded._stamps.phone);
    expect(result.base._stamps.email).toBe(live._stamps.email);
  });

  it('is no clash when the user typed what the other device saved', () => {
    const live = pulled({ phone: '0811111111' });
    const result = reconcileWithLive(opened({ phone: '081-111-1111' }), live, options);
    expect(result.clashes).toEqual([]);
    expect(result.base._stamps.phone).toBe(live._stamps.phone);
  });

  it("takes this device's own writes (the form's save) into its base without touching what is being typed", () => {
    const saved = pulled({ phone: '0822222222' }, 6, OWN);
    const result = reconcileWithLive(opened({ phone: '082-222-22' }), saved, options);
    expect(result.clashes).toEqual([]);
    expect(result.draft.phone).toBe('082-222-22');
    expect(result.base._stamps.phone).toBe(saved._stamps.phone);
  });

  it('lets the user take the other value, or keep their own having seen it', () => {
    const live = pulled({ phone: '0811111111' });
    const state = opened({ phone: '082-222-2222' });
    const theirs = takeTheirs(state, live, 'phone', toDraft);
    expect(theirs.draft.phone).toBe('081-111-1111');
    expect(reconcileWithLive(theirs, live, options).clashes).toEqual([]);
    const mine = keepMine(state, live, 'phone');
    expect(mine.draft.phone).toBe('082-222-2222');
    // Now an ordinary edit over the value the user saw.
    expect(mine.base._stamps.phone).toBe(live._stamps.phone);
    expect(reconcileWithLive(mine, live, options).clashes).toEqual([]);
  });

  it('asks about a field edited outside the draft only when the user changed it', () => {
    const live = pulled({ notes: 'บันทึกจากอีกเครื่อง' });
    const untouched = reconcileWithLive(opened(), live, { ...options, touchedOutside: (f) => (f === 'notes' ? false : undefined) });
    expect(untouched.adoptedOutside).toEqual(['notes']);
    expect(untouched.clashes).toEqual([]);
    const touched = reconcileWithLive(opened(), live, { ...options, touchedOutside: (f) => (f === 'notes' ? true : undefined) });
    expect(touched.clashes).toEqual([{ field: 'notes', keys: [], theirs: {}, value: 'บันทึกจากอีกเครื่อง' }]);
    expect(touched.base._stamps.notes).toBe(loaded._stamps.notes);
  });

  it('shows the stored form of what was saved in fields not typed in since (adoptedDraft)', () => {
    const saved = pulled({ phone: '0822222222' }, 6, OWN);
    const savedDraft = { phone: '082 222 2222', email: 'a@example.go.th' };
    expect(adoptedDraft(savedDraft, saved, savedDraft, toDraft)).toEqual({ phone: '082-222-2222', email: 'a@example.go.th' });
    // Typed on while the save ran: the newer text stays.
    expect(adoptedDraft({ ...savedDraft, phone: '082 222 22229' }, saved, savedDraft, toDraft).phone).toBe('082 222 22229');
  });
});

describe('a live record older than the form', () => {
  it('moves nothing (a restore the live query has not caught up with)', () => {
    const newer = pulled({ phone: '0899999999' }, 9, OWN);
    const result = reconcileWithLive({ base: newer, draft: toDraft(newer) }, loaded, options);
    expect(result.changed).toBe(false);
    expect(result.draft.phone).toBe('089-999-9999');
  });
});
