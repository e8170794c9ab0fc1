import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { newsDocxBytes } from '../../shared/news/news-docx-export';
import { createServer, type ProvinceDeskServer } from '../app';
import { installErrorHandler } from '../http/error-handler';
import { seedProvince, type SeededProvince } from '../testing/seed-province';
import { fakeNode, mutation, newsValues, stampAt, TestClient } from '../testing/test-client';
import { testBackends } from '../testing/test-stores';
import { registerFeedRoutes } from './feed-routes';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SHA = createHash('sha256').update(PNG).digest('hex');

describe.each(testBackends())('published feed ($name)', (backend) => {
  let server: ProvinceDeskServer;
  let feed: FastifyInstance;
  let province: SeededProvince;
  const publishedId = uuidv7();
  const draftId = uuidv7();
  const photoId = uuidv7();

  beforeAll(async () => {
    server = await createServer({ store: backend.options(), loginRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    province = await seedProvince(server.store, { provinceCode: '57', districtCode: '5701' });
    feed = Fastify();
    installErrorHandler(feed);
    registerFeedRoutes(feed, { store: server.store, publicUrl: 'https://sync.example', officeName: () => 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย' });
    await feed.ready();

    // What a coordinator's device pushes after publishing: the photo, its attachment and the item.
    const coordinator = new TestClient(server.app);
    await coordinator.login(province.coordinator.username, province.coordinator.password);
    const put = await coordinator.request({ method: 'PUT', url: `/v1/blobs/${SHA}`, headers: { 'content-type': 'application/octet-stream' }, payload: PNG });
    expect(put.statusCode).toBeLessThan(300);
    const node = fakeNode();
    const stamp = stampAt(Date.now(), node);
    const attachment = { deleted: false, sha256: SHA, ownerTable: 'news', ownerId: publishedId, fileName: 'stage.png', mimeType: 'image/png', size: PNG.length, width: 1, height: 1, caption: '', createdAt: '2022-08-26T09:00:00.000+07:00' };
    const published = { ...newsValues('จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”'), status: 'published', publishedAt: '2022-08-26T10:00:00.000+07:00', dateline: '2022-08-26', coverAttachmentId: photoId, photos: [{ attachmentId: photoId, caption: 'บรรยากาศการเสวนา' }], bodyHtml: `<p>ผู้เข้าร่วม 427 คน</p><script>alert(1)</script><img data-attachment-id="${photoId}" alt="">` };
    const draft = { ...newsValues('ร่างที่ยังไม่เผยแพร่'), status: 'draft' };
    const push = await coordinator.push([
      mutation({ id: coordinator.nextMutationId(), table: 'attachments', recordId: photoId, provinceCode: '57', values: attachment, stamp }),
      mutation({ id: coordinator.nextMutationId(), table: 'news', recordId: publishedId, provinceCode: '57', values: published, stamp }),
      mutation({ id: coordinator.nextMutationId(), table: 'news', recordId: draftId, provinceCode: '57', values: draft, stamp }),
    ]);
    expect(push.statusCode).toBe(200);
  });

  afterAll(async () => {
    await feed?.close();
    await server?.close();
    await backend.cleanUp();
  });

  it('serves the published news of a province as JSON, and nothing unpublished', async () => {
    const response = await feed.inject({ method: 'GET', url: '/feed/57/news.json' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { id: string; title: string; datelineText: string; url: string; contentHtml: string; photos: { url: string; caption: string; cover: boolean }[] }[] }>();
    expect(body.items.map((i) => i.id)).toEqual([publishedId]);
    const [item] = body.items;
    expect(item!.title).toBe('จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”');
    expect(item!.datelineText).toBe('วันที่ 26 ส.ค. 2565');
    expect(item!.url).toBe(`https://sync.example/feed/57/news/${publishedId}.html`);
    expect(item!.contentHtml).not.toContain('<script');
    expect(item!.contentHtml).toContain(`<img src="https://sync.example/feed/57/photos/${SHA}"`);
    expect(item!.photos).toEqual([{ url: `https://sync.example/feed/57/photos/${SHA}`, mimeType: 'image/png', width: 1, height: 1, caption: 'บรรยากาศการเสวนา', cover: true }]);
    expect((await feed.inject({ method: 'GET', url: '/feed/10/news.json' })).json()).toMatchObject({ items: [] });
  });

  it('is served by the central server itself, with the office named from the DOPA data', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/feed/57/news.rss' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('รวมพลคน ศส.ปชต.');
    expect(response.body).toContain('สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย');
    expect(response.body).not.toContain('ร่างที่ยังไม่เผยแพร่');
  });

  it('never builds its links from the Host header: relative without a public address', async () => {
    for (const headers of [{ host: 'evil.example' }, { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }]) {
      const json = await server.app.inject({ method: 'GET', url: '/feed/57/news.json', headers });
      const [item] = json.json<{ items: { url: string; photos: { url: string }[] }[] }>().items;
      expect(item!.url).toBe(`/feed/57/news/${publishedId}.html`);
      expect(item!.photos[0]!.url).toBe(`/feed/57/photos/${SHA}`);
      const rss = await server.app.inject({ method: 'GET', url: '/feed/57/news.rss', headers });
      const page = await server.app.inject({ method: 'GET', url: `/feed/57/news/${publishedId}.html`, headers });
      for (const body of [json.body, rss.body, page.body]) expect(body).not.toContain('evil.example');
    }
  });

  it('serves RSS and a plain HTML page per article', async () => {
    const rss = await feed.inject({ method: 'GET', url: '/feed/57/news.rss' });
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<title>จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”</title>');
    expect(rss.body).toContain(`<guid isPermaLink="false">${publishedId}</guid>`);
    expect(rss.body).not.toContain('ร่างที่ยังไม่เผยแพร่');

    const page = await feed.inject({ method: 'GET', url: `/feed/57/news/${publishedId}.html` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="news-article-title">จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”</h1>');
    expect(page.body).toContain('<p class="news-article-date">วันที่ 26 ส.ค. 2565</p>');
    expect(page.body).toContain('<figcaption>บรรยากาศการเสวนา</figcaption>');
    expect((await feed.inject({ method: 'GET', url: `/feed/57/news/${draftId}.html` })).statusCode).toBe(404);
    expect((await feed.inject({ method: 'GET', url: '/feed/57/news/nonsense.html' })).statusCode).toBe(400);
  });

  it('serves a photo only while a published article shows it', async () => {
    const photo = await feed.inject({ method: 'GET', url: `/feed/57/photos/${SHA}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    expect((await feed.inject({ method: 'GET', url: `/feed/10/photos/${SHA}` })).statusCode).toBe(404);
  });

  it('serves the words as they were published, not a later change of the live record', async () => {
    const before = (await feed.inject({ method: 'GET', url: `/feed/57/news/${publishedId}.html` })).body;
    // The live words changed after publication, as a server before the content rule let an editor's device do.
    await server.store.sql.query(`UPDATE records SET vals = jsonb_set(vals, '{title}', '"หัวข้อที่แก้หลังเผยแพร่"') WHERE id = $1`, [publishedId]);
    const live = await server.store.sql.query<{ title: string }>(`SELECT vals ->> 'title' AS title FROM records WHERE id = $1`, [publishedId]);
    expect(live.rows[0]!.title).toBe('หัวข้อที่แก้หลังเผยแพร่');

    const json = (await feed.inject({ method: 'GET', url: '/feed/57/news.json' })).json<{ items: { title: string }[] }>();
    expect(json.items.map((i) => i.title)).toEqual(['จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”']);
    expect((await feed.inject({ method: 'GET', url: `/feed/57/news/${publishedId}.html` })).body).toBe(before);
    expect((await feed.inject({ method: 'GET', url: '/feed/57/news.rss' })).body).not.toContain('หัวข้อที่แก้หลังเผยแพร่');
  });

  it('serves a photo with the type its bytes tell, sandboxed, and never a file that is not an image', async () => {
    const photo = await feed.inject({ method: 'GET', url: `/feed/57/photos/${SHA}` });
    expect(photo.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-security-policy': "sandbox; default-src 'none'" });
    // Records from before the server refused other types: a photo claiming text/html, whose bytes are HTML.
    const coordinator = await TestClient.signedIn(server.app, province.coordinator);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const htmlSha = createHash('sha256').update(html).digest('hex');
    expect((await coordinator.request({ method: 'PUT', url: `/v1/blobs/${htmlSha}`, headers: { 'content-type': 'application/octet-stream' }, payload: html })).statusCode).toBe(200);
    await server.store.sql.query(`UPDATE records SET vals = jsonb_set(jsonb_set(vals, '{sha256}', to_jsonb($2::text)), '{mimeType}', '"text/html"') WHERE id = $1`, [photoId, htmlSha]);
    await server.store.sql.query(`UPDATE published_news SET photos = jsonb_set(photos, ARRAY[$1], jsonb_set(photos -> $1, '{sha256}', to_jsonb($2::text))) WHERE id = $3`, [photoId, htmlSha, publishedId]);
    expect((await feed.inject({ method: 'GET', url: `/feed/57/photos/${htmlSha}` })).statusCode).toBe(404);
    const json = (await feed.inject({ method: 'GET', url: '/feed/57/news.json' })).json<{ items: { photos: unknown[]; contentHtml: string }[] }>();
    expect(json.items[0]!.photos).toEqual([]);
    expect(json.items[0]!.contentHtml).not.toContain(htmlSha);
    // Back as it was, for the tests after this one.
    await server.store.sql.query(`UPDATE records SET vals = jsonb_set(jsonb_set(vals, '{sha256}', to_jsonb($2::text)), '{mimeType}', '"image/png"') WHERE id = $1`, [photoId, SHA]);
    await server.store.sql.query(`UPDATE published_news SET photos = jsonb_set(photos, ARRAY[$1], jsonb_set(photos -> $1, '{sha256}', to_jsonb($2::text))) WHERE id = $3`, [photoId, SHA, publishedId]);
  });

  it('does not publish a file whose hash an article names without holding it', async () => {
    // A photo of another province's person, its hash learned somewhere: named in an article here and published.
    const elsewhere = await seedProvince(server.store, { provinceCode: '10', districtCode: '1001' });
    const owner = await TestClient.signedIn(server.app, elsewhere.editor);
    // A PNG (bytes after its end do not matter to the type): only the holder rule can keep it out.
    const other = Buffer.concat([PNG, Buffer.from('ภาพบุคคล')]);
    const otherSha = createHash('sha256').update(other).digest('hex');
    expect((await owner.request({ method: 'PUT', url: `/v1/blobs/${otherSha}`, headers: { 'content-type': 'application/octet-stream' }, payload: other })).statusCode).toBe(200);
    const coordinator = await TestClient.signedIn(server.app, province.coordinator);
    const node = fakeNode();
    const itemId = uuidv7();
    const attachmentId = uuidv7();
    const res = await coordinator.push([
      mutation({ id: coordinator.nextMutationId(), table: 'attachments', recordId: attachmentId, provinceCode: '57', values: { deleted: false, sha256: otherSha, ownerTable: 'news', ownerId: itemId, fileName: 'x.png', mimeType: 'image/png', size: other.length, width: 1, height: 1, caption: '', createdAt: '2022-08-27T09:00:00.000+07:00' }, stamp: stampAt(Date.now(), node) }),
      mutation({ id: coordinator.nextMutationId(), recordId: itemId, provinceCode: '57', values: { ...newsValues('ข่าวที่แนบภาพของผู้อื่น'), status: 'published', publishedAt: '2022-08-20T10:00:00.000+07:00', photos: [{ attachmentId, caption: '' }], coverAttachmentId: attachmentId }, stamp: stampAt(Date.now(), node) }),
    ]);
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const item = (await feed.inject({ method: 'GET', url: '/feed/57/news.json' })).json<{ items: { id: string; photos: unknown[] }[] }>().items.find((i) => i.id === itemId);
    expect(item?.photos).toEqual([]);
    expect((await feed.inject({ method: 'GET', url: `/feed/57/photos/${otherSha}` })).statusCode).toBe(404);
  });

  it('serves a published JPEG without its EXIF (where and when it was taken, which phone)', async () => {
    const exif = Buffer.from('Exif\u0000\u0000MM\u0000*GPS 19.9105 N 99.8406 E; Canon EOS', 'latin1');
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
    const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app1, scan]);
    const jpegSha = createHash('sha256').update(jpeg).digest('hex');
    const coordinator = await TestClient.signedIn(server.app, province.coordinator);
    expect((await coordinator.request({ method: 'PUT', url: `/v1/blobs/${jpegSha}`, headers: { 'content-type': 'application/octet-stream' }, payload: jpeg })).statusCode).toBe(200);
    const node = fakeNode();
    const itemId = uuidv7();
    const attachmentId = uuidv7();
    await coordinator.push([
      mutation({ id: coordinator.nextMutationId(), table: 'attachments', recordId: attachmentId, provinceCode: '57', values: { deleted: false, sha256: jpegSha, ownerTable: 'news', ownerId: itemId, fileName: 'มือถือ.jpg', mimeType: 'image/jpeg', size: jpeg.length, width: 1, height: 1, caption: '', createdAt: '2022-08-19T09:00:00.000+07:00' }, stamp: stampAt(Date.now(), node) }),
      mutation({ id: coordinator.nextMutationId(), recordId: itemId, provinceCode: '57', values: { ...newsValues('ภาพจากมือถือ'), status: 'published', publishedAt: '2022-08-19T10:00:00.000+07:00', photos: [{ attachmentId, caption: '' }] }, stamp: stampAt(Date.now(), node) }),
    ]);
    const photo = await feed.inject({ method: 'GET', url: `/feed/57/photos/${jpegSha}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.equals(Buffer.concat([Buffer.from([0xff, 0xd8]), scan]))).toBe(true);
    expect(photo.headers['content-length']).toBe(String(2 + scan.length));
    expect(photo.rawPayload.toString('latin1')).not.toContain('GPS');
  });

  it('the article in the feed exports to the same DOCX the desk makes', async () => {
    const body = (await feed.inject({ method: 'GET', url: '/feed/57/news.json' })).json<{ items: { title: string; dateline: string; lead: string; contentHtml: string; category: string; tags: string[] }[] }>();
    const item = body.items[0]!;
    const docx = await JSZip.loadAsync(await newsDocxBytes({ ...item, bodyHtml: item.contentHtml }, [], { officeName: 'สำนักงาน กกต. จังหวัดเชียงราย' }));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('วันที่ 26 สิงหาคม 2565');
  });
});
