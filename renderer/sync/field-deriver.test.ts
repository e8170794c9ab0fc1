// The worker path itself runs in Chromium (the two-device e2e spec waits for the worker and searches
// what it tokenised). Here: what happens when there is no worker, or it fails — the same fields, in this thread.
import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../shared/domain/synced-tables';
import { deriveLocalFields } from '../db/derived-fields';
import { workerFieldDeriver } from './field-deriver';

const member = {
  id: '01890000-0000-7000-8000-000000000001', provinceCode: '57', districtCode: '5701', deleted: false, tambonCode: '570101', centreId: null, title: 'นาย',
  firstName: 'สมชาย', lastName: 'ใจดี', nationalId: null, phone: '0812345678', lineId: '', email: '', village: 1, role: 'กรรมการ', sector: '', termStart: null,
  termEnd: null, trainings: [], photoAttachmentId: null, privacyNoticeOn: null, mergedIntoId: null, mergedFromIds: [], erasedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
} as unknown as RecordOf<'members'>;

/** Stands in for a Worker that failed to start: it takes messages and then reports an error. */
class FailingWorker extends EventTarget {
  terminated = false;
  postMessage(): void {
    queueMicrotask(() => this.dispatchEvent(new Event('error')));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('derived fields of pulled records', () => {
  it('computes them in this thread when no worker can be made', async () => {
    const derive = workerFieldDeriver(() => {
      throw new ReferenceError('Worker is not defined');
    });
    expect(await derive('members', [member])).toEqual([deriveLocalFields('members', member)]);
  });

  it('answers what a failing worker was asked, here, and stops using it', async () => {
    const worker = new FailingWorker();
    let made = 0;
    const derive = workerFieldDeriver(() => {
      made++;
      return worker as never;
    });
    expect(await derive('members', [member])).toEqual([deriveLocalFields('members', member)]);
    expect(worker.terminated).toBe(true);
    expect(await derive('members', [member])).toEqual([deriveLocalFields('members', member)]);
    expect(made).toBe(1);
  });

  it('asks nothing for tables without derived fields', async () => {
    const derive = workerFieldDeriver(() => {
      throw new Error('not needed');
    });
    expect(await derive('events', [{} as never, {} as never])).toEqual([{}, {}]);
  });
});
