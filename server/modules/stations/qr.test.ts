import { Resvg } from '@resvg/resvg-js';
import { XMLValidator } from 'fast-xml-parser';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { stationQrPng, stationQrRenderOptions, stationQrSvg } from './qr.js';

const url = 'https://yizhan.example.cn/s/LZ-CG-0007';
const station = { url, name: '城关区张掖路骑手驿站', code: 'LZ-CG-0007' };

/** The dark modules the SVG draws, as "row,col" of the symbol (quiet zone taken off). */
function drawnModules(svg: string): Set<string> {
  const d = /<path [^>]*\bd="([^"]*)"/.exec(svg)?.[1] ?? '';
  const run = /M(\d+) (\d+)h(\d+)v1h-\3z/gy;
  const cells = new Set<string>();
  let read = 0;
  for (let match = run.exec(d); match; match = run.exec(d)) {
    const [x = 0, y = 0, length = 0] = match.slice(1).map(Number);
    for (let i = 0; i < length; i++) cells.add(`${y - 4},${x - 4 + i}`);
    read += match[0].length;
  }
  expect(read).toBe(d.length); // the path holds nothing but runs
  return cells;
}

function darkModules(text: string): Set<string> {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cells = new Set<string>();
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) cells.add(`${row},${col}`);
  }
  return cells;
}

function nameLines(svg: string): { text: string; size: number }[] {
  const group = /<g id="name">(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    size: Number(m[1]),
    text: m[2]!,
  }));
}

/** RGBA rows [from, to) of a rendering at 600 px; the text band starts under the 600 px square. */
function band(svg: string, from: number, to: number): Buffer {
  const image = new Resvg(svg, stationQrRenderOptions(600)).render();
  return image.pixels.subarray(from * image.width * 4, to * image.width * 4);
}

const nonWhite = (rgba: Buffer) => rgba.filter((v, i) => i % 4 !== 3 && v < 200).length;

describe('station QR SVG', () => {
  it('is a standalone, well-formed SVG document on a white background', () => {
    const svg = stationQrSvg(station);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="740" viewBox="0 0 600 740">');
    expect(svg).toContain('<rect width="600" height="740" fill="#fff"/>');
    expect(svg).toContain('font-family="Noto Serif SC"');
  });

  it('draws exactly the dark modules of the code, inside a 4-module quiet zone', () => {
    for (const target of [url, `${url}?from=wall&lang=zh-CN&station=${'7'.repeat(80)}`]) {
      const svg = stationQrSvg({ ...station, url: target });
      const expected = darkModules(target);
      const drawn = drawnModules(svg);
      expect(drawn.size).toBe(expected.size);
      expect([...drawn].sort()).toEqual([...expected].sort());

      const size = QRCode.create(target, { errorCorrectionLevel: 'M' }).modules.size;
      const [, offset, scale] = /translate\(([\d.]+) [\d.]+\) scale\((\d+)\)/.exec(svg)!.map(Number);
      expect(offset! * 2 + scale! * (size + 8)).toBe(600);
    }
  });

  it('prints the name and the code, escaped', () => {
    const svg = stationQrSvg({ url, name: 'A&B驿站<1>', code: `"Q'1"` });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(nameLines(svg).map((l) => l.text)).toEqual(['A&amp;B驿站&lt;1&gt;']);
    expect(svg).toContain('&quot;Q&apos;1&quot;</text>');
    expect(svg).not.toContain('A&B');

    const plain = stationQrSvg(station);
    expect(nameLines(plain)).toEqual([{ text: '城关区张掖路骑手驿站', size: 44 }]);
    expect(plain).toMatch(/<g id="code"><text [^>]*>LZ-CG-0007<\/text><\/g>/);
  });

  it('turns tabs and line breaks into spaces and drops hidden characters', () => {
    const svg = stationQrSvg({ url, name: ' 城关\t骑手\n驿站\u202E\u200B\u0000 ', code: 'LZ\r\n-1\u0007' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(nameLines(svg).map((l) => l.text)).toEqual(['城关 骑手 驿站']);
    expect(svg).toContain('>LZ -1</text>');
  });

  it('wraps a long name onto two smaller lines and cuts it at 40 characters', () => {
    const name = '甘肃省兰州市城关区张掖路街道户外劳动者服务站'.repeat(3).slice(0, 60);
    const lines = nameLines(stationQrSvg({ ...station, name }));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.text).join('')).toBe(`${name.slice(0, 39)}…`);
    for (const line of lines) {
      expect(line.size).toBeLessThan(44);
      expect(line.size).toBeGreaterThanOrEqual(24);
      expect(line.size * Array.from(line.text).length).toBeLessThanOrEqual(520); // every character is 1 em
    }

    // Latin words stay whole; a space is preferred to a break between Han characters.
    const latin = nameLines(stationQrSvg({ ...station, name: 'WORKERS REST STATION NUMBER SEVEN' }));
    expect(latin.map((l) => l.text)).toEqual(['WORKERS REST STATION', 'NUMBER SEVEN']);
    const spaced = nameLines(stationQrSvg({ ...station, name: '兰州市城关区总工会 张掖路街道户外劳动者服务站' }));
    expect(spaced.map((l) => l.text)).toEqual(['兰州市城关区总工会', '张掖路街道户外劳动者服务站']);
  });

  it('refuses a name or code with nothing printable: the service should have refused it', () => {
    expect(() => stationQrSvg({ ...station, name: ' \t\n\u200B\u202E\u0000 ' })).toThrow(/name has nothing printable/);
    expect(() => stationQrSvg({ ...station, code: '' })).toThrow(/code has nothing printable/);
  });
});

describe('station QR PNG', () => {
  it('is a PNG of the asked width', () => {
    for (const [width, height] of [
      [undefined, 740],
      [1200, 1480],
    ] as const) {
      const png = stationQrPng(station, width ? { width } : undefined);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBe(width ?? 600);
      expect(png.readUInt32BE(20)).toBe(height);
    }
    expect(() => stationQrPng(station, { width: 0 })).toThrow(/width/);
  });

  it('renders the Chinese name in the text band, inside the page', () => {
    for (const name of ['城关区张掖路骑手驿站', '甘肃省兰州市城关区张掖路街道户外劳动者服务站'.repeat(2)]) {
      const svg = stationQrSvg({ ...station, name });
      const withoutName = svg.replace(/<g id="name">.*?<\/g>/s, '');
      expect(withoutName).not.toContain(name.slice(0, 4));

      const text = band(svg, 600, 740);
      const codeOnly = band(withoutName, 600, 740);
      expect(nonWhite(text)).toBeGreaterThan(nonWhite(codeOnly) + 1000);
      expect(text.equals(codeOnly)).toBe(false);

      // The 30 px at either edge of the band stay white: the name was fitted to the page.
      const rows = text.length / (600 * 4);
      for (let row = 0; row < rows; row++) {
        const line = text.subarray(row * 600 * 4, (row + 1) * 600 * 4);
        expect(nonWhite(line.subarray(0, 30 * 4)) + nonWhite(line.subarray(570 * 4))).toBe(0);
      }
    }
  });
});
