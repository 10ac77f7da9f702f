/**
 * Fonts. PDFs embed Noto Serif SC (思源宋体's Google Fonts build, SIL Open Font License 1.1) from
 * the npm package @expo-google-fonts/noto-serif-sc: full Simplified Chinese coverage, Regular and
 * Bold TrueType files of ~15 MB each. pdfkit embeds only the glyphs a document uses, so a PDF
 * stays small (tens of KB). Nothing is taken from the system's fonts.
 *
 * DOCX files name their fonts instead (Word and WPS supply them): 宋体 for the body,
 * 黑体 for titles, with Times New Roman for Latin letters and digits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

export type PdfFontWeight = keyof typeof FILES;

const cache = new Map<PdfFontWeight, Buffer>();

/** The TTF bytes, read once per process. */
export function pdfFont(weight: PdfFontWeight): Buffer {
  let buf = cache.get(weight);
  if (!buf) {
    buf = readFileSync(require.resolve(FILES[weight]));
    cache.set(weight, buf);
  }
  return buf;
}

export const DOCX_FONTS = {
  body: {
    ascii: 'Times New Roman',
    hAnsi: 'Times New Roman',
    eastAsia: '宋体',
    cs: 'Times New Roman',
    hint: 'eastAsia',
  },
  title: {
    ascii: 'Times New Roman',
    hAnsi: 'Times New Roman',
    eastAsia: '黑体',
    cs: 'Times New Roman',
    hint: 'eastAsia',
  },
} as const;
