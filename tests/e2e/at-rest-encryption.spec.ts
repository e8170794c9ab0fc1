// Issue 14 part 2, end to end in the browser shell: with the example data loaded (and a person's photo added),
// an IndexedDB dump made while the app is locked — the raw stores, read with the plain indexedDB API — holds no
// national ID or phone of the example people and no photo bytes in clear; unlocked, the person page shows them
// and a search by an ID's last four digits finds the person.
import { expect, type Page } from '@playwright/test';
import { samplePeople } from '../../renderer/app/sample-data/sample-people';
import { pngImage } from './support/news-test-images';
import { E2E_UNLOCK_PIN, sendExampleDataAndOpenAPerson, signInThroughUi } from './support/sync-desk';
import { test } from './support/sync-server';

// A sign-in, the example data sent to the server and a photo: longer than one screen's test on a busy machine.
test.describe.configure({ timeout: 180_000 });

const EXAMPLE_PEOPLE = [...samplePeople(0, 9), ...samplePeople(1, 9), ...samplePeople(2, 7)];

/** Every store of the device's database as stored: byte arrays as hex, and a Blob (bytes in clear) marked. */
function dumpRawDatabase(page: Page): Promise<{ text: string; blobs: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ text: string; blobs: string[] }>((resolve, reject) => {
        const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
        const open = indexedDB.open('provincedesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const tx = db.transaction(names, 'readonly');
          const stores: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (stores[name] = all.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            const blobs = ((stores.blobs ?? []) as { data: unknown }[]).map((row) =>
              row.data instanceof Blob ? 'clear Blob' : hex(new Uint8Array(row.data instanceof ArrayBuffer ? row.data : (row.data as Uint8Array))),
            );
            const text = JSON.stringify(stores, (_key, value: unknown) => (value instanceof Blob ? 'clear Blob' : value instanceof Uint8Array ? hex(value) : value));
            resolve({ text, blobs });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a dump of IndexedDB made while locked holds no ID, phone or photo in clear; unlocked, the person shows and is found by ID digits', async ({ page, syncServer }) => {
  const desk = await signInThroughUi(page, syncServer.server.url, syncServer.province.coordinator, 'เครื่องทดสอบการเข้ารหัส');
  await sendExampleDataAndOpenAPerson(desk);
  const [firstName, lastName] = ((await page.getByTestId('person-name').textContent()) ?? '').replace(/^(นางสาว|นาง|นาย)/, '').split(' ');
  const person = EXAMPLE_PEOPLE.find((p) => p.firstName === firstName && p.lastName === lastName)!;
  expect(person).toBeTruthy();
  const idDigits = async () => ((await page.getByTestId('national-id').textContent()) ?? '').replace(/\D/g, '');
  expect(await idDigits()).toMatch(new RegExp(`${person.nationalId.slice(-4)}$`));

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'เพิ่มรูปถ่าย…' }).click();
  await (await chooser).setFiles({ name: 'รูปถ่าย.png', mimeType: 'image/png', buffer: pngImage(300, 400, [35, 58, 122], [200, 150, 46]) });
  await expect(page.getByTestId('person-photo')).toBeVisible();

  await page.removeLocatorHandler(page.getByTestId('unlock-form'));
  await page.getByTestId('nav-lock').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const dump = await dumpRawDatabase(page);
  expect(dump.text).toContain(person.firstName);
  for (const someone of EXAMPLE_PEOPLE) {
    expect(dump.text).not.toContain(someone.nationalId);
    expect(dump.text).not.toContain(someone.phone);
  }
  expect(dump.blobs.length).toBeGreaterThan(0);
  for (const bytes of dump.blobs) {
    expect(bytes).not.toBe('clear Blob');
    expect(bytes.startsWith('ffd8ff')).toBe(false);
    expect(bytes.startsWith('89504e47')).toBe(false);
  }

  await page.getByLabel('รหัสปลดล็อก', { exact: true }).fill(E2E_UNLOCK_PIN);
  await page.getByRole('button', { name: 'ปลดล็อก', exact: true }).click();
  await expect(page.getByTestId('person-photo')).toBeVisible();
  expect(await page.getByTestId('person-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(300);
  await expect(page.getByTestId('national-id')).toBeVisible();
  expect(await idDigits()).toMatch(new RegExp(`${person.nationalId.slice(-4)}$`));

  await desk.goTo('roster');
  await page.locator('.roster-tabs').getByRole('button', { name: 'ค้นหาบุคคล' }).click();
  await page.getByLabel('ค้นหาชื่อ เบอร์โทร หรือเลขบัตร 4 ตัวท้าย').fill(person.nationalId.slice(-4));
  await expect(page.getByRole('link', { name: new RegExp(`${person.firstName}\\s+${person.lastName}`) }).first()).toBeVisible();
});
