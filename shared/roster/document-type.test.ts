import { describe, expect, it } from 'vitest';
import { documentMimeOf } from './document-type';

describe('documentMimeOf', () => {
  it('knows a PDF and the image types by their bytes, and nothing else', () => {
    expect(documentMimeOf(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(documentMimeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe('image/png');
    expect(documentMimeOf(new TextEncoder().encode('บันทึกข้อตกลง.docx ไม่ใช่ PDF'))).toBeNull();
    expect(documentMimeOf(new Uint8Array([]))).toBeNull();
  });
});
