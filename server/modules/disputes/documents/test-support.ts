/**
 * Test helpers: read back the text of a generated PDF (pdfjs-dist) or DOCX (jszip), so tests
 * check what a reader would see rather than that a file exists.
 */
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  page: number;
}

export interface PdfText {
  pages: number;
  /** body text items (page footers left out) */
  items: PdfTextItem[];
  /** all body text with every kind of whitespace removed, for substring checks across line and page breaks */
  flat: string;
  /** each page's body text, squashed */
  pageTexts: string[];
  /** each page's footer text, squashed */
  footers: string[];
  info: Record<string, unknown>;
}

/** PDF y runs up from the page's bottom; the body ends 72 pt above it and the footer sits below */
const FOOTER_TOP = 60;

/** strips spaces, ideographic spaces and line breaks */
export const squash = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

export async function pdfText(buf: Buffer): Promise<PdfText> {
  const doc = await getDocument({
    data: new Uint8Array(buf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const items: PdfTextItem[] = [];
  const pageTexts: string[] = [];
  const footers: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const body: PdfTextItem[] = [];
    let footer = '';
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const item = { str: it.str, x: it.transform[4], y: it.transform[5], page: n };
      if (item.y < FOOTER_TOP) footer += it.str;
      else body.push(item);
    }
    items.push(...body);
    pageTexts.push(squash(body.map((i) => i.str).join('')));
    footers.push(squash(footer));
  }
  const meta = await doc.getMetadata();
  const pages = doc.numPages;
  await doc.destroy();
  return {
    pages,
    items,
    flat: pageTexts.join(''),
    pageTexts,
    footers,
    info: (meta.info ?? {}) as Record<string, unknown>,
  };
}

export interface DocxText {
  /** document.xml's text, whitespace removed */
  flat: string;
  /** paragraphs' text in order */
  paragraphs: string[];
  documentXml: string;
  stylesXml: string;
  footerXml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export async function docxText(buf: Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
  const footerXml = (await Promise.all(footers.map(read))).join('\n');
  const paragraphs = [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(([, text = '']) => decode(text)).join(''),
  );
  return {
    flat: squash(paragraphs.join('')),
    paragraphs,
    documentXml,
    stylesXml: await read('word/styles.xml'),
    footerXml,
  };
}
