import { describe, expect, it } from 'vitest';
import { photoBytesToKeep, stripJpegMetadata, stripPngMetadata } from './image-metadata';

// Issue 18, item 8: published photos kept their EXIF (where and when, which phone).

const segment = (marker: number, payload: string | number[]) => {
  const body = typeof payload === 'string' ? [...Buffer.from(payload, 'latin1')] : payload;
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
};
const SCAN = [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9];

function jpeg(...segments: number[][]): Uint8Array {
  return new Uint8Array([0xff, 0xd8, ...segments.flat(), ...SCAN]);
}

const JFIF = segment(0xe0, 'JFIF\u0000\u0001\u0002\u0000\u0000\u0001\u0000\u0001\u0000\u0000');
const EXIF = segment(0xe1, 'Exif\u0000\u0000MM\u0000*GPS 19.9105 N 99.8406 E; Canon EOS');
const XMP = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta>creator: somchai</x:xmpmeta>');
const ICC = segment(0xe2, 'ICC_PROFILE\u0000\u0001\u0001profile bytes');
const MPF = segment(0xe2, 'MPF\u0000second picture');
const IPTC = segment(0xed, 'Photoshop 3.0\u0000caption: somchai');
const ADOBE = segment(0xee, 'Adobe\u0000\u0064\u0000\u0000\u0000\u0000\u0001');
const QUANT = segment(0xdb, [0, ...new Array<number>(64).fill(1)]);
const COMMENT = segment(0xfe, 'taken at 24 Moo 3');

describe('stripJpegMetadata', () => {
  it('drops EXIF, XMP, IPTC, comments and non-colour APP2, and keeps JFIF, ICC, Adobe, tables and the image data', () => {
    const stripped = stripJpegMetadata(jpeg(JFIF, EXIF, XMP, ICC, MPF, IPTC, ADOBE, COMMENT, QUANT))!;
    expect(Buffer.from(stripped)).toEqual(Buffer.from(jpeg(JFIF, ICC, ADOBE, QUANT)));
    const text = Buffer.from(stripped).toString('latin1');
    for (const gone of ['Exif', 'GPS', 'somchai', 'Moo 3', 'MPF']) expect(text).not.toContain(gone);
  });

  it('returns a clean file as it is, and null for bytes whose segments cannot be walked', () => {
    const clean = jpeg(JFIF, QUANT);
    expect(stripJpegMetadata(clean)).toBe(clean);
    expect(stripJpegMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2, 3]))).toBeNull();
    expect(stripJpegMetadata(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

const crc = () => [0, 0, 0, 0];
const chunk = (type: string, data: string) => {
  const body = [...Buffer.from(data, 'latin1')];
  return [0, 0, body.length >> 8, body.length & 0xff, ...Buffer.from(type, 'latin1'), ...body, ...crc()];
};
const png = (...chunks: number[][]) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunks.flat()]);

describe('stripPngMetadata', () => {
  it('drops text, EXIF and time chunks and keeps the picture', () => {
    const header = chunk('IHDR', '\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0001\u0008\u0002\u0000\u0000\u0000');
    const data = chunk('IDAT', 'pixels');
    const end = chunk('IEND', '');
    const stripped = stripPngMetadata(png(header, chunk('tEXt', 'Author\u0000somchai'), chunk('eXIf', 'MM\u0000*GPS'), data, chunk('iTXt', 'late'), chunk('tIME', '1234567'), end))!;
    expect(Buffer.from(stripped)).toEqual(Buffer.from(png(header, data, end)));
    expect(stripPngMetadata(png(header, chunk('IDAT', 'cut short')).subarray(0, 40))).toBeNull();
  });
});

describe('photoBytesToKeep (the device keeps a small photo as it came)', () => {
  it('keeps a JPEG without EXIF minus its comments, and draws anew one with EXIF (it may say how to turn it)', () => {
    expect(Buffer.from(photoBytesToKeep(jpeg(JFIF, COMMENT, QUANT), 'image/jpeg')!)).toEqual(Buffer.from(jpeg(JFIF, QUANT)));
    expect(photoBytesToKeep(jpeg(JFIF, EXIF, QUANT), 'image/jpeg')).toBeNull();
    expect(photoBytesToKeep(jpeg(JFIF, XMP, QUANT), 'image/jpeg')).toBeNull();
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
    expect(photoBytesToKeep(gif, 'image/gif')).toBe(gif);
  });
});
