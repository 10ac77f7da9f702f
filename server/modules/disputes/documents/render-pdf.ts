/**
 * PDF renderer (pdfkit). Line breaking is done here rather than by pdfkit so that Chinese text
 * follows the usual rules: any two ideographs may break, a run of Latin letters and digits
 * (amounts, ID numbers, dates) stays whole, closing punctuation never starts a line and opening
 * punctuation never ends one (避头尾), and full lines are justified by spreading the characters.
 */
import PDFDocument from 'pdfkit';
import { pdfFont } from './fonts.js';
import { LAYOUT, TEXT_WIDTH } from './layout.js';
import type { Align, Block, DocumentModel, Run, TableColumn } from './model.js';

type Doc = PDFKit.PDFDocument;

const REGULAR = 'NotoSerifSC';
const BOLD = 'NotoSerifSC-Bold';

/** may not start a line */
const NO_START = new Set(Array.from('，。、；：？！）》」』】〕〉”’…%,.;:?!)]}·'));
/** may not end a line */
const NO_END = new Set(Array.from('（《「『【〔〈“‘([{'));

interface Token {
  text: string;
  bold: boolean;
  underline: boolean;
  width: number;
  space: boolean;
  newline: boolean;
}

interface Line {
  tokens: Token[];
  width: number;
  /** the last line of a paragraph (or before a hard break): never justified */
  last: boolean;
}

const TOKEN_RE = /\n|[ \t\u3000]+|[A-Za-z0-9][A-Za-z0-9.,:\-/%@*_#]*|./gu;

class PdfWriter {
  private readonly doc: Doc;
  private y: number = LAYOUT.margin.top;
  private readonly widths = new Map<string, number>();
  private readonly left = LAYOUT.margin.left;
  private readonly bottom = LAYOUT.page.height - LAYOUT.margin.bottom;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  private measure(text: string, bold: boolean, size: number): number {
    const key = `${bold ? 'b' : 'r'}${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  private tokenize(runs: Run[], size: number, maxWidth: number): Token[] {
    const out: Token[] = [];
    for (const r of runs) {
      for (const m of r.text.matchAll(TOKEN_RE)) {
        const text = m[0];
        const bold = r.bold ?? false;
        const base = { bold, underline: r.underline ?? false };
        if (text === '\n') {
          out.push({ ...base, text, width: 0, space: false, newline: true });
          continue;
        }
        const space = /^[ \t\u3000]+$/.test(text);
        const width = this.measure(text, bold, size);
        if (width > maxWidth && !space) {
          // an unbreakable run wider than a line: fall back to breaking between characters
          for (const ch of Array.from(text)) {
            out.push({ ...base, text: ch, width: this.measure(ch, bold, size), space: false, newline: false });
          }
        } else {
          out.push({ ...base, text, width, space, newline: false });
        }
      }
    }
    return out;
  }

  /** Greedy line breaking with 避头尾. `firstWidth` is the first line's width (indent). */
  private wrap(tokens: Token[], firstWidth: number, width: number): Line[] {
    const lines: Line[] = [];
    let cur: Token[] = [];
    const avail = () => (lines.length === 0 ? firstWidth : width);
    const sum = (ts: Token[]) => ts.reduce((a, t) => a + t.width, 0);
    const push = (last: boolean) => {
      while (cur.length > 0 && cur[cur.length - 1].space) cur.pop();
      lines.push({ tokens: cur, width: sum(cur), last });
      cur = [];
    };
    for (const t of tokens) {
      if (t.newline) {
        push(true);
        continue;
      }
      if (cur.length === 0 && t.space) continue;
      if (sum(cur) + t.width <= avail() + 0.01) {
        cur.push(t);
        continue;
      }
      if (t.space) {
        push(false);
        continue;
      }
      // t overflows: break before it, but keep closing punctuation off the next line's start
      // (pull the previous character down with it) and opening punctuation off this line's end
      const carry: Token[] = [];
      if (NO_START.has(t.text)) {
        while (cur.length > 1 && (carry.length === 0 || NO_START.has(carry[0].text))) carry.unshift(cur.pop() as Token);
      }
      while (cur.length > 1 && NO_END.has(cur[cur.length - 1].text)) carry.unshift(cur.pop() as Token);
      push(false);
      cur = [...carry, t];
    }
    if (cur.length > 0 || lines.length === 0) push(true);
    else if (lines.length > 0) lines[lines.length - 1].last = true;
    return lines;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = LAYOUT.margin.top;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > LAYOUT.margin.top) this.newPage();
  }

  /** Draws one line with its top at `y`, starting at `x` within `avail` points. */
  private drawLine(line: Line, x: number, y: number, avail: number, align: Align, size: number, lineHeight: number): void {
    const doc = this.doc;
    let spacing = 0;
    let start = x;
    const chars = line.tokens.reduce((a, t) => a + Array.from(t.text).length, 0);
    if (align === 'justify' && !line.last && chars > 1) {
      const extra = (avail - line.width) / (chars - 1);
      if (extra > 0 && extra < size * 0.6) spacing = extra;
    } else if (align === 'center') start = x + (avail - line.width) / 2;
    else if (align === 'right') start = x + avail - line.width;

    doc.font(REGULAR).fontSize(size);
    const baselineOffset = (lineHeight - doc.currentLineHeight()) / 2;
    let cx = start;
    // consecutive tokens of one style are drawn together
    let i = 0;
    while (i < line.tokens.length) {
      const t0 = line.tokens[i];
      let text = '';
      let width = 0;
      while (i < line.tokens.length && line.tokens[i].bold === t0.bold && line.tokens[i].underline === t0.underline) {
        text += line.tokens[i].text;
        width += line.tokens[i].width;
        i++;
      }
      const n = Array.from(text).length;
      doc
        .font(t0.bold ? BOLD : REGULAR)
        .fontSize(size)
        .text(text, cx, y + baselineOffset, { lineBreak: false, characterSpacing: spacing, underline: t0.underline });
      cx += width + spacing * n;
    }
  }

  title(text: string, level: 'court' | 'document'): void {
    const size = level === 'court' ? LAYOUT.title.court : LAYOUT.title.document;
    const lineHeight = size * 1.6;
    const lines = this.wrap(this.tokenize([{ text, bold: true }], size, TEXT_WIDTH), TEXT_WIDTH, TEXT_WIDTH);
    this.ensure(lines.length * lineHeight + LAYOUT.body.line);
    for (const l of lines) {
      this.drawLine(l, this.left, this.y, TEXT_WIDTH, 'center', size, lineHeight);
      this.y += lineHeight;
    }
    this.y += level === 'document' ? LAYOUT.title.spaceAfter : 0;
  }

  paragraph(runs: Run[], align: Align, indent: boolean, keepWithNext: boolean, spaceBefore: boolean): void {
    const { size, line: lh } = LAYOUT.body;
    const indentWidth = indent ? size * 2 : 0;
    const lines = this.wrap(this.tokenize(runs, size, TEXT_WIDTH - indentWidth), TEXT_WIDTH - indentWidth, TEXT_WIDTH);
    if (spaceBefore && this.y > LAYOUT.margin.top) this.y += lh / 2;
    // keep a heading with at least two lines of what follows; avoid a lone first line (孤行)
    this.ensure(keepWithNext ? (lines.length + 2) * lh : Math.min(lines.length, 2) * lh);
    lines.forEach((l, idx) => {
      this.ensure(lh);
      const x = this.left + (idx === 0 ? indentWidth : 0);
      const avail = TEXT_WIDTH - (idx === 0 ? indentWidth : 0);
      this.drawLine(l, x, this.y, avail, align, size, lh);
      this.y += lh;
    });
  }

  table(columns: TableColumn[], rows: string[][], totalRow: string[] | undefined): void {
    const { size, line: lh, padX, padY } = LAYOUT.table;
    const doc = this.doc;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (TEXT_WIDTH * c.width) / total);
    const layoutRow = (cells: string[], bold: boolean) => {
      const cellLines = cells.map((cell, i) => {
        const inner = widths[i] - 2 * padX;
        return this.wrap(this.tokenize([{ text: cell, bold }], size, inner), inner, inner);
      });
      const height = Math.max(1, ...cellLines.map((l) => l.length)) * lh + 2 * padY;
      return { cellLines, height };
    };
    const drawRow = (cells: string[], bold: boolean, header: boolean) => {
      const { cellLines, height } = layoutRow(cells, bold);
      let x = this.left;
      doc.lineWidth(0.6).strokeColor('#000000');
      cellLines.forEach((ls, i) => {
        doc.rect(x, this.y, widths[i], height).stroke();
        const align: Align = header ? 'center' : (columns[i].align ?? 'left');
        let ly = this.y + padY;
        for (const l of ls) {
          this.drawLine({ ...l, last: true }, x + padX, ly, widths[i] - 2 * padX, align, size, lh);
          ly += lh;
        }
        x += widths[i];
      });
      this.y += height;
    };
    const header = columns.map((c) => c.header);
    const headerHeight = layoutRow(header, true).height;
    this.y += LAYOUT.body.line / 4;
    this.ensure(headerHeight + (rows.length > 0 ? layoutRow(rows[0], false).height : 0));
    drawRow(header, true, true);
    const all: [string[], boolean][] = rows.map((r) => [r, false]);
    if (totalRow) all.push([totalRow, true]);
    for (const [r, bold] of all) {
      const h = layoutRow(r, bold).height;
      if (this.y + h > this.bottom) {
        this.newPage();
        drawRow(header, true, true);
      }
      drawRow(r, bold, false);
    }
    this.y += LAYOUT.body.line / 2;
  }

  signatures(rows: { left: string; right: string }[]): void {
    const { size, line: lh } = LAYOUT.body;
    const gap = size;
    const colW = (TEXT_WIDTH - gap) / 2;
    const laid = rows.map((r) => {
      const left = this.wrap(this.tokenize([{ text: r.left }], size, colW), colW, colW);
      const right = this.wrap(this.tokenize([{ text: r.right }], size, colW), colW, colW);
      return { left, right, height: Math.max(left.length, right.length, 1) * lh };
    });
    const total = laid.reduce((a, r) => a + r.height, 0);
    this.y += lh / 2;
    this.ensure(total);
    for (const r of laid) {
      this.ensure(r.height);
      r.left.forEach((l, i) => this.drawLine(l, this.left, this.y + i * lh, colW, 'left', size, lh));
      r.right.forEach((l, i) => this.drawLine(l, this.left + colW + gap, this.y + i * lh, colW, 'left', size, lh));
      this.y += r.height;
    }
  }

  signoff(lines: { text: string; align: 'left' | 'right' }[]): void {
    const { size, line: lh } = LAYOUT.body;
    this.y += lh / 2;
    this.ensure(lines.length * lh);
    // the right-hand block is left-aligned at the widest line's start, two characters from the margin
    const rightLines = lines.filter((l) => l.align === 'right').map((l) => this.measure(l.text, false, size));
    const blockWidth = Math.max(0, ...rightLines);
    const rightX = this.left + TEXT_WIDTH - size * 2 - blockWidth;
    for (const l of lines) {
      const [line] = this.wrap(this.tokenize([{ text: l.text }], size, TEXT_WIDTH), TEXT_WIDTH, TEXT_WIDTH);
      if (l.align === 'right') this.drawLine(line, rightX, this.y, blockWidth, 'right', size, lh);
      else this.drawLine(line, this.left, this.y, TEXT_WIDTH, 'left', size, lh);
      this.y += lh;
    }
  }

  line(text: string, align: Align, bold: boolean): void {
    this.paragraph([{ text, bold }], align, false, false, false);
  }

  spacer(lines: number): void {
    this.y += lines * LAYOUT.body.line;
    if (this.y > this.bottom) this.newPage();
  }

  pageBreak(): void {
    this.newPage();
  }

  footer(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const text = `第 ${i + 1} 页 共 ${range.count} 页`;
      const w = this.measure(text, false, LAYOUT.footer.size);
      doc
        .font(REGULAR)
        .fontSize(LAYOUT.footer.size)
        .text(text, (LAYOUT.page.width - w) / 2, LAYOUT.page.height - LAYOUT.margin.bottom / 2 - LAYOUT.footer.size, { lineBreak: false });
    }
  }
}

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: model.title, Subject: model.subject, Creator: 'Yizhan 一站', Producer: 'Yizhan 一站' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, pdfFont('regular'));
  doc.registerFont(BOLD, pdfFont('bold'));
  const w = new PdfWriter(doc);
  for (const b of model.blocks) drawBlock(w, b);
  if (model.pageNumbers) w.footer();
  doc.end();
  return done;
}

function drawBlock(w: PdfWriter, b: Block): void {
  switch (b.type) {
    case 'title':
      return w.title(b.text, b.level);
    case 'line':
      return w.line(b.text, b.align, b.bold ?? false);
    case 'paragraph':
      return w.paragraph(b.runs, b.align ?? 'justify', b.indent ?? true, b.keepWithNext ?? false, b.spaceBefore ?? false);
    case 'table':
      return w.table(b.columns, b.rows, b.totalRow);
    case 'signatures':
      return w.signatures(b.rows);
    case 'signoff':
      return w.signoff(b.lines);
    case 'spacer':
      return w.spacer(b.lines);
    case 'pageBreak':
      return w.pageBreak();
  }
}
