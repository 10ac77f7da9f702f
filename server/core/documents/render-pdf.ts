/**
 * PDF renderer (pdfkit). Lines are broken by line-break.ts rather than by pdfkit so that Chinese
 * text follows the usual rules (ideographs break anywhere, Latin and digit runs stay whole,
 * 避头尾), and full lines are justified here by spreading the characters.
 */
import PDFDocument from 'pdfkit';
import { pdfFont } from './fonts.js';
import { LAYOUT, TEXT_WIDTH } from './layout.js';
import { breakLines, type Line, type Token } from './line-break.js';
import {
  columnAt,
  keptWithNext,
  type Align,
  type Block,
  type DocumentModel,
  type Run,
  type SignatureRow,
  type SignoffLine,
  type TableColumn,
} from './model.js';

type Doc = PDFKit.PDFDocument;

const REGULAR = 'NotoSerifSC';
const BOLD = 'NotoSerifSC-Bold';

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

  private newPage(): void {
    this.doc.addPage();
    this.y = LAYOUT.margin.top;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > LAYOUT.margin.top) this.newPage();
  }

  /** Draws one line with its top at `y`, starting at `x` within `avail` points. */
  private drawLine(
    line: Line,
    x: number,
    y: number,
    avail: number,
    align: Align,
    size: number,
    lineHeight: number,
  ): void {
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
    const groups: Pick<Token, 'text' | 'bold' | 'underline' | 'width'>[] = [];
    for (const t of line.tokens) {
      const g = groups.at(-1);
      if (g && g.bold === t.bold && g.underline === t.underline) {
        g.text += t.text;
        g.width += t.width;
      } else groups.push({ text: t.text, bold: t.bold, underline: t.underline, width: t.width });
    }
    for (const { text, bold, underline, width } of groups) {
      const n = Array.from(text).length;
      doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(size)
        .text(text, cx, y + baselineOffset, { lineBreak: false, characterSpacing: spacing, underline });
      cx += width + spacing * n;
    }
  }

  private layoutText(runs: Run[], size: number, firstWidth: number, width = firstWidth): Line[] {
    return breakLines(runs, (text, bold) => this.measure(text, bold, size), firstWidth, width);
  }

  title(text: string, level: 'court' | 'document'): void {
    const size = level === 'court' ? LAYOUT.title.court : LAYOUT.title.document;
    const lineHeight = size * 1.6;
    const lines = this.layoutText([{ text, bold: true }], size, TEXT_WIDTH);
    this.ensure(lines.length * lineHeight + LAYOUT.body.line);
    for (const l of lines) {
      this.drawLine(l, this.left, this.y, TEXT_WIDTH, 'center', size, lineHeight);
      this.y += lineHeight;
    }
    this.y += level === 'document' ? LAYOUT.title.spaceAfter : 0;
  }

  /**
   * `keepHeight`: the height of what must stay on the same page as this paragraph's end
   * (a heading keeps two lines of the next paragraph; the last paragraph keeps a signature block).
   */
  paragraph(runs: Run[], align: Align, indent: boolean, keepHeight: number, spaceBefore: boolean): void {
    const { size, line: lh } = LAYOUT.body;
    const indentWidth = indent ? size * 2 : 0;
    const lines = this.layoutText(runs, size, TEXT_WIDTH - indentWidth, TEXT_WIDTH);
    if (spaceBefore && this.y > LAYOUT.margin.top) this.y += lh / 2;
    const fullPage = this.bottom - LAYOUT.margin.top;
    if (keepHeight > 0 && lines.length * lh + keepHeight <= fullPage) this.ensure(lines.length * lh + keepHeight);
    // no lone first line at the foot of a page (孤行)
    else this.ensure(Math.min(lines.length, 2) * lh);
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
      const cellLines = cells.map((cell, i) =>
        this.layoutText([{ text: cell, bold }], size, columnAt(widths, i) - 2 * padX),
      );
      const height = Math.max(1, ...cellLines.map((l) => l.length)) * lh + 2 * padY;
      return { cellLines, height };
    };
    const drawRow = (cells: string[], bold: boolean, header: boolean) => {
      const { cellLines, height } = layoutRow(cells, bold);
      let x = this.left;
      doc.lineWidth(0.6).strokeColor('#000000');
      cellLines.forEach((ls, i) => {
        const w = columnAt(widths, i);
        doc.rect(x, this.y, w, height).stroke();
        const align: Align = header ? 'center' : (columnAt(columns, i).align ?? 'left');
        let ly = this.y + padY;
        for (const l of ls) {
          this.drawLine({ ...l, last: true }, x + padX, ly, w - 2 * padX, align, size, lh);
          ly += lh;
        }
        x += w;
      });
      this.y += height;
    };
    const header = columns.map((c) => c.header);
    const headerHeight = layoutRow(header, true).height;
    this.y += LAYOUT.body.line / 4;
    const [firstRow] = rows;
    this.ensure(headerHeight + (firstRow ? layoutRow(firstRow, false).height : 0));
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

  private layoutSignatures(rows: SignatureRow[], widths: [number, number]) {
    const { size, line: lh } = LAYOUT.body;
    const gap = size;
    const leftW = ((TEXT_WIDTH - gap) * widths[0]) / (widths[0] + widths[1]);
    const rightW = TEXT_WIDTH - gap - leftW;
    const laid = rows.map((r) => {
      const left = this.layoutText([{ text: r.left }], size, leftW);
      const right = this.layoutText([{ text: r.right }], size, rightW);
      return { left, right, height: Math.max(left.length, right.length, 1) * lh };
    });
    return { laid, leftW, rightW, gap, height: lh / 2 + laid.reduce((a, r) => a + r.height, 0) };
  }

  signatures(rows: SignatureRow[], widths: [number, number]): void {
    const { size, line: lh } = LAYOUT.body;
    const { laid, leftW, rightW, gap, height } = this.layoutSignatures(rows, widths);
    this.y += lh / 2;
    this.ensure(height - lh / 2);
    for (const r of laid) {
      this.ensure(r.height);
      r.left.forEach((l, i) => this.drawLine(l, this.left, this.y + i * lh, leftW, 'left', size, lh));
      r.right.forEach((l, i) => this.drawLine(l, this.left + leftW + gap, this.y + i * lh, rightW, 'left', size, lh));
      this.y += r.height;
    }
  }

  signoff(lines: SignoffLine[]): void {
    const { size, line: lh } = LAYOUT.body;
    this.y += lh / 2;
    this.ensure(lines.length * lh);
    // the right-hand lines end two characters from the margin
    const rightLines = lines.filter((l) => l.align === 'right').map((l) => this.measure(l.text, false, size));
    const blockWidth = Math.max(0, ...rightLines);
    const rightX = this.left + TEXT_WIDTH - size * 2 - blockWidth;
    for (const l of lines) {
      // breakLines() always returns at least one line (an empty one for empty text)
      const line = this.layoutText([{ text: l.text }], size, TEXT_WIDTH)[0]!;
      if (l.align === 'right') this.drawLine(line, rightX, this.y, blockWidth, 'right', size, lh);
      else this.drawLine(line, this.left, this.y, TEXT_WIDTH, 'left', size, lh);
      this.y += lh;
    }
  }

  /** The height a block needs to be kept with the paragraph before it. */
  keepHeight(next: Block | undefined): number {
    const lh = LAYOUT.body.line;
    if (!next) return 0;
    if (next.type === 'signoff') return lh / 2 + next.lines.length * lh;
    if (next.type === 'signatures') return this.layoutSignatures(next.rows, next.widths ?? [1, 1]).height;
    return 2 * lh;
  }

  line(text: string, align: Align, bold: boolean): void {
    this.paragraph([{ text, bold }], align, false, 0, false);
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
        .text(text, (LAYOUT.page.width - w) / 2, LAYOUT.page.height - LAYOUT.margin.bottom / 2 - LAYOUT.footer.size, {
          lineBreak: false,
        });
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
  model.blocks.forEach((b, i) => drawBlock(w, b, model.blocks[i + 1]));
  if (model.pageNumbers) w.footer();
  doc.end();
  return done;
}

function drawBlock(w: PdfWriter, b: Block, next: Block | undefined): void {
  switch (b.type) {
    case 'title':
      return w.title(b.text, b.level);
    case 'line':
      return w.line(b.text, b.align, b.bold ?? false);
    case 'paragraph':
      return w.paragraph(
        b.runs,
        b.align ?? 'justify',
        b.indent ?? true,
        keptWithNext(b, next) ? w.keepHeight(next) : 0,
        b.spaceBefore ?? false,
      );
    case 'table':
      return w.table(b.columns, b.rows, b.totalRow);
    case 'signatures':
      return w.signatures(b.rows, b.widths ?? [1, 1]);
    case 'signoff':
      return w.signoff(b.lines);
    case 'spacer':
      return w.spacer(b.lines);
    case 'pageBreak':
      return w.pageBreak();
  }
}
