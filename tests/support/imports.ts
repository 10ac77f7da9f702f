import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, TestApp } from './app.js';

// Helpers of the import tests: files in each encoding and format, and the multipart upload.

export const EMPLOYER_HEADERS = ['统一社会信用代码', '单位名称', '行政区划代码', '行业代码', '联系人', '联系电话'];

/** CSV text: fields quoted when they hold a comma, a quote or a line break. */
export function csvText(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function csvFile(rows: string[][], encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8'): Buffer {
  const text = csvText(rows);
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export async function xlsxFile(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('单位');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A multipart body with the text fields first, then the file (the order the server reads them in). */
export function multipartBody(fields: Record<string, string>, filename: string, content: Buffer) {
  const boundary = '----yizhan-import-boundary';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const body = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function uploadFile(
  a: Agent,
  filename: string,
  content: Buffer,
  fields: Record<string, string> = { kind: 'employers' },
): Promise<LightMyRequestResponse> {
  return a.request({ method: 'POST', url: '/api/imports', ...multipartBody(fields, filename, content) });
}

const RUNNING = ['uploaded', 'validating', 'committing'];

/** Waits for the import's jobs (the in-process queue's idle(), else by asking) and answers the import. */
export async function settled(t: TestApp, a: Agent, id: string): Promise<Record<string, unknown> & { status: string }> {
  const queue = t.deps.jobs as unknown as { idle?: () => Promise<void> };
  for (let i = 0; i < 600; i++) {
    if (queue.idle) await queue.idle();
    const res = await a.get(`/api/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`import ${id}: ${res.statusCode} ${res.body}`);
    const body = res.json<Record<string, unknown> & { status: string }>();
    if (!RUNNING.includes(body.status)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running`);
}

/** Uploads and waits for the check to finish. */
export async function uploaded(
  t: TestApp,
  a: Agent,
  filename: string,
  content: Buffer,
  fields?: Record<string, string>,
) {
  const res = await uploadFile(a, filename, content, fields);
  if (res.statusCode !== 200) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return settled(t, a, res.json<{ id: string }>().id);
}

/** Commits and waits for the commit to finish. */
export async function committed(t: TestApp, a: Agent, id: string) {
  const res = await a.post(`/api/imports/${id}/commit`);
  if (res.statusCode !== 200) throw new Error(`commit: ${res.statusCode} ${res.body}`);
  return settled(t, a, id);
}
