import { describe, expect, it } from 'vitest';
import { checkUpload } from './uploads.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2219bc30000000049454e44ae426082',
  'hex',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('upload content check', () => {
  it('accepts a PNG and a PDF by their bytes', async () => {
    expect((await checkUpload(png)).mime).toBe('image/png');
    expect((await checkUpload(pdf)).mime).toBe('application/pdf');
  });

  it('refuses a file whose bytes are not an allowed type, whatever its name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    await expect(checkUpload(exe)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    await expect(checkUpload(Buffer.from('just text'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
  });

  it('refuses empty and oversized files', async () => {
    await expect(checkUpload(Buffer.alloc(0))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(checkUpload(Buffer.concat([png, Buffer.alloc(2048)]), undefined, 1024)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});
