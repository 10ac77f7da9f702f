import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EncodingDetector, fileRows, sniffFormat } from './source.js';

async function* pieces(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function detect(bytes: Buffer, size: number) {
  const d = new EncodingDetector();
  for (let i = 0; i < bytes.length; i += size) d.push(bytes.subarray(i, i + size));
  return d.finish();
}

async function rowsOf(bytes: Buffer, size: number, encoding: 'utf-8' | 'gb18030') {
  const out: { rowNo: number; cells: string[] }[] = [];
  for await (const r of fileRows(pieces(bytes, size), 'csv', encoding)) out.push(r);
  return out;
}

describe('reading an import file', () => {
  const text = '单位名称,联系人\r\n中山市小榄镇五金厂,冯建华\r\n\r\n"南朗, 建筑",李\r\n';

  it('finds UTF-8 even when a character is cut between pieces, and GB18030 otherwise', () => {
    const utf8 = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 5, 1024]) expect(detect(utf8, size)).toBe('utf-8');
    // A file that is plain ASCII for a long while and GBK only later is still GBK.
    const late = Buffer.concat([Buffer.from('a,b\r\n'.repeat(50_000)), iconv.encode(text, 'gb18030')]);
    expect(detect(late, 64 * 1024)).toBe('gb18030');
    // A UTF-8 file cut in the middle of its last character is not UTF-8.
    expect(detect(utf8.subarray(0, utf8.length - 4), 7)).toBe('gb18030');
  });

  it('reads the same rows from UTF-8 (with or without BOM) and GB18030, pieces cut anywhere', async () => {
    const expected = [
      { rowNo: 1, cells: ['单位名称', '联系人'] },
      { rowNo: 2, cells: ['中山市小榄镇五金厂', '冯建华'] },
      { rowNo: 4, cells: ['南朗, 建筑', '李'] },
    ];
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const size of [1, 3, 4096]) {
      expect(await rowsOf(Buffer.from(text, 'utf8'), size, 'utf-8')).toEqual(expected);
      expect(await rowsOf(bom, size, 'utf-8')).toEqual(expected);
      expect(await rowsOf(iconv.encode(text, 'gb18030'), size, 'gb18030')).toEqual(expected);
    }
  });

  it('judges a file by its bytes', async () => {
    await expect(sniffFormat(Buffer.from(text))).resolves.toBe('csv');
    await expect(sniffFormat(Buffer.from('\uFEFF <html>'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    await expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
    await expect(sniffFormat(Buffer.alloc(0))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses a CSV with a broken quote, naming about where', async () => {
    const broken = Buffer.from('a,b\r\n"x,y\r\n');
    await expect(rowsOf(broken, 100, 'utf-8')).rejects.toMatchObject({ code: 'VALIDATION', field: 'file' });
  });

  it('reads XLSX number cells by their digits, and a number past 2^53 in exponent form', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    sheet.addRow(['账号', '人数', '金额']);
    // What a spreadsheet keeps of 6222021001123456789 typed into a number cell.
    sheet.addRow([Number('6222021001123456789'), 25, 1.15]);
    sheet.addRow([9007199254740991, 0, 300]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const out: string[][] = [];
    for await (const r of fileRows(pieces(bytes, 4096), 'xlsx', null)) out.push(r.cells);
    // The long account number lost its last digits in the cell: shown so, no 19 digits pass for it.
    expect(out[1]).toEqual(['6.222021001123457e+18', '25', '1.15']);
    expect(out[2]).toEqual(['9007199254740991', '0', '300']);
  });
});
