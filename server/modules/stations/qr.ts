/**
 * The printable QR code of a station: scanned on the station's wall, it opens the station's phone
 * page. One SVG (the code, then the station's name and code in Noto Serif SC under it), and the
 * same SVG rasterised to PNG by resvg with that font, so a print shows the same letters everywhere.
 */
import { createRequire } from 'node:module';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { create as createQr, type BitMatrix } from 'qrcode';

const require = createRequire(import.meta.url);

// The same file server/core/documents/fonts.ts embeds in PDFs, resolved here by path: fonts.ts
// hands out the bytes, but resvg's native build reads a font file by path cheaply (about 40 ms a
// render) while the same 15 MB passed as `fontBuffers` costs about 900 ms a render.
const NOTO_SERIF_SC_REGULAR = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

const FONT_FAMILY = 'Noto Serif SC';
/** Width of the SVG in px; the code with its quiet zone is a square of this side. */
const WIDTH = 600;
const QUIET_ZONE_MODULES = 4;
const TEXT_BAND = 140;
const HEIGHT = WIDTH + TEXT_BAND;
/** Text keeps 40 px from either edge. */
const TEXT_WIDTH = WIDTH - 80;
/** Longer names and codes are cut, an ellipsis in place of their last character. */
const MAX_CHARS = 40;
const NAME_SIZE_MAX = 44;
/** Below this size a name reads better on two lines. */
const NAME_SIZE_ONE_LINE_MIN = 32;
const CODE_SIZE_MAX = 24;
const LINE_HEIGHT = 1.3;
const NAME_CODE_GAP = 8;
/** The text sits a little above the middle of its band, clear of the bottom edge. */
const TEXT_BOTTOM_MARGIN = 16;

export type StationQrInput = { url: string; name: string; code: string };

/** A standalone SVG document, 600 px wide: the QR code of `url`, the name and the code under it. */
export function stationQrSvg(input: StationQrInput): string {
  const name = printable(input.name, 'name');
  const code = printable(input.code, 'code');
  const qr = createQr(input.url, { errorCorrectionLevel: 'M' });

  const side = qr.modules.size + 2 * QUIET_ZONE_MODULES;
  // Whole pixels per module at the default width keep every module edge sharp.
  const moduleSize = Math.floor(WIDTH / side);
  const offset = (WIDTH - moduleSize * side) / 2;

  const nameLines = nameLayout(name);
  const codeLine = shortened(code);
  const codeSize = Math.min(CODE_SIZE_MAX, TEXT_WIDTH / emWidth(codeLine));
  const block = nameLines.lines.length * nameLines.size * LINE_HEIGHT + NAME_CODE_GAP + codeSize * LINE_HEIGHT;
  let top = WIDTH + (TEXT_BAND - TEXT_BOTTOM_MARGIN - block) / 2;

  const nameTexts = nameLines.lines.map((line) => {
    const text = textElement(line, top, nameLines.size, '#000');
    top += nameLines.size * LINE_HEIGHT;
    return text;
  });
  const codeText = textElement(codeLine.join(''), top + NAME_CODE_GAP, codeSize, '#444');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<path transform="translate(${num(offset)} ${num(offset)}) scale(${moduleSize})" shape-rendering="crispEdges"` +
      ` fill="#000" d="${modulePath(qr.modules)}"/>`,
    `<g id="name">${nameTexts.join('')}</g>`,
    `<g id="code">${codeText}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The station's QR SVG as a PNG `width` px wide (600 by default), its text in Noto Serif SC. */
export function stationQrPng(input: StationQrInput, options: { width?: number } = {}): Buffer {
  const width = options.width ?? WIDTH;
  if (!Number.isInteger(width) || width < 100 || width > 5000) {
    throw new Error(`stationQrPng: width must be a whole number of px from 100 to 5000, got ${width}`);
  }
  return new Resvg(stationQrSvg(input), stationQrRenderOptions(width)).render().asPng();
}

/** What resvg is given to render a station's QR: only the bundled font, never the system's. */
export function stationQrRenderOptions(width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: [NOTO_SERIF_SC_REGULAR], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  };
}

/**
 * The dark modules as one path in module units, the quiet zone included in the coordinates: each
 * run of dark modules in a row is `M<col> <row>h<length>v1h-<length>z`.
 */
function modulePath(modules: BitMatrix): string {
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      const length = col - start;
      runs.push(`M${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h${length}v1h-${length}z`);
    }
  }
  return runs.join('');
}

// Line breaks and tabs become spaces; controls, format characters (bidi overrides, zero-width),
// lone surrogates, private-use and non-characters cannot be printed or are not allowed in XML.
const WHITESPACE = /\s+/gu;
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\uFFFE\uFFFF]/gu;

function printable(text: string, field: 'name' | 'code'): string {
  const cleaned = text.replace(WHITESPACE, ' ').replace(UNPRINTABLE, '').replace(WHITESPACE, ' ').trim();
  // The stations service validates names and codes: an empty one here is a programming error.
  if (!cleaned) throw new Error(`stationQrSvg: the station's ${field} has nothing printable`);
  return cleaned;
}

/** Characters (code points), the last replaced by an ellipsis past MAX_CHARS. */
function shortened(text: string): string[] {
  const chars = Array.from(text);
  return chars.length > MAX_CHARS ? [...chars.slice(0, MAX_CHARS - 1), '…'] : chars;
}

// Advance widths of printable ASCII (space to ~) in Noto Serif SC Regular, in hundredths of an em,
// rounded up: read from the font's hmtx table once, so a name is fitted without loading the font.
// prettier-ignore
const ASCII_ADVANCES = [
  26, 31, 38, 58, 55, 93, 78, 20, 37, 37, 48, 58, 33, 35, 33, 36, 56, 48, 56, 56, 56, 56, 56, 55, 56, 57, 33, 33,
  58, 58, 58, 44, 92, 72, 67, 70, 77, 66, 63, 75, 86, 41, 41, 74, 63, 98, 80, 77, 65, 77, 72, 57, 66, 80, 72, 106,
  70, 69, 61, 35, 36, 35, 58, 57, 44, 56, 64, 54, 63, 55, 39, 57, 67, 34, 32, 61, 34, 98, 67, 60, 64, 61, 47, 48,
  37, 66, 55, 84, 57, 56, 50, 38, 32, 38, 58,
];

/**
 * The printed width in em: ASCII from the font's own widths, anything else as a full em like a Han
 * character (accented Latin, Greek and Cyrillic are mostly narrower), so a line errs wide, not off
 * the page.
 */
function emWidth(chars: readonly string[]): number {
  let width = 0;
  for (const c of chars) width += (ASCII_ADVANCES[(c.codePointAt(0) ?? 0) - 0x20] ?? 100) / 100;
  return Math.max(width, 1);
}

/** One line as large as fits, or two balanced lines when one would print too small. */
function nameLayout(name: string): { lines: string[]; size: number } {
  const chars = shortened(name);
  const oneLine = Math.min(NAME_SIZE_MAX, TEXT_WIDTH / emWidth(chars));
  if (oneLine >= NAME_SIZE_ONE_LINE_MIN || chars.length < 2) return { lines: [chars.join('')], size: oneLine };
  const [first, second] = splitInTwo(chars);
  const size = Math.min(NAME_SIZE_MAX, TEXT_WIDTH / Math.max(emWidth(first), emWidth(second)));
  return { lines: [first.join('').trim(), second.join('').trim()], size };
}

const WORD_CHARACTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;

/**
 * Split where the longer line is shortest, never inside a Latin word or a number (unless the name
 * is one word), and at a space rather than between two Han characters if that costs little.
 */
function splitInTwo(chars: string[]): [string[], string[]] {
  const widthAt = (at: number) => Math.max(emWidth(chars.slice(0, at)), emWidth(chars.slice(at)));
  const places = Array.from({ length: chars.length - 1 }, (_, i) => i + 1);
  const inWord = (at: number) => WORD_CHARACTER.test(chars[at - 1] ?? '') && WORD_CHARACTER.test(chars[at] ?? '');
  const allowed = places.filter((at) => !inWord(at));
  const narrowest = (candidates: number[]) =>
    candidates.reduce((best, at) => (widthAt(at) < widthAt(best) ? at : best), candidates[0] ?? 1);

  const best = narrowest(allowed.length > 0 ? allowed : places);
  const spaces = allowed.filter((at) => chars[at] === ' ');
  const atSpace = narrowest(spaces);
  const at = spaces.length > 0 && widthAt(atSpace) <= widthAt(best) * 1.2 ? atSpace : best;
  return [chars.slice(0, at), chars.slice(at)];
}

/** A centred line whose box starts at `top`; the baseline leaves the glyphs centred in the box. */
function textElement(text: string, top: number, size: number, fill: string): string {
  const baseline = top + size * 1.02;
  return (
    `<text x="${WIDTH / 2}" y="${num(baseline)}" font-family="${FONT_FAMILY}" font-size="${num(size)}"` +
    ` text-anchor="middle" fill="${fill}">${escapeXml(text)}</text>`
  );
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
