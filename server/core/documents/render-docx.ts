/**
 * DOCX renderer (`docx`). Same page geometry and type sizes as the PDF; fonts are named (宋体 body,
 * 黑体 titles, eastAsia slots) for Word/WPS to supply.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { DOCX_FONTS } from './fonts.js';
import { LAYOUT, TEXT_WIDTH, tw } from './layout.js';
import {
  columnAt,
  keptWithNext,
  type Align,
  type Block,
  type DocumentModel,
  type Run,
  type SignatureRow,
  type TableColumn,
} from './model.js';

/** half-points */
const hp = (pt: number): number => Math.round(pt * 2);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const bodySpacing = { line: tw(LAYOUT.body.line), lineRule: LineRuleType.EXACT } as const;

function textRuns(runs: Run[], size?: number): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      out.push(
        new TextRun({
          text: part,
          bold: r.bold,
          underline: r.underline ? {} : undefined,
          size: size === undefined ? undefined : hp(size),
          break: i > 0 ? 1 : undefined,
        }),
      );
    });
  }
  return out;
}

function paragraph(b: Extract<Block, { type: 'paragraph' }>, keepNext: boolean): Paragraph {
  const indent = b.indent ?? true;
  return new Paragraph({
    alignment: ALIGN[b.align ?? 'justify'],
    indent: indent ? { firstLineChars: 200, firstLine: tw(LAYOUT.body.size * 2) } : undefined,
    spacing: { ...bodySpacing, before: b.spaceBefore ? tw(LAYOUT.body.line / 2) : undefined },
    keepNext,
    children: textRuns(b.runs),
  });
}

function title(text: string, level: 'court' | 'document'): Paragraph {
  const size = level === 'court' ? LAYOUT.title.court : LAYOUT.title.document;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      after: level === 'document' ? tw(LAYOUT.title.spaceAfter) : 0,
      line: tw(size * 1.6),
      lineRule: LineRuleType.EXACT,
    },
    keepNext: true,
    children: [new TextRun({ text, font: DOCX_FONTS.title, size: hp(size) })],
  });
}

function line(text: string, align: Align, bold: boolean): Paragraph {
  return new Paragraph({ alignment: ALIGN[align], spacing: bodySpacing, children: [new TextRun({ text, bold })] });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(columns: TableColumn[], rows: string[][], totalRow?: string[]): (Table | Paragraph)[] {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => tw((TEXT_WIDTH * c.width) / total));
  const { size, line: lh, padX, padY } = LAYOUT.table;
  const cell = (text: string, i: number, bold: boolean, align: Align) =>
    new TableCell({
      width: { size: columnAt(widths, i), type: WidthType.DXA },
      margins: { left: tw(padX), right: tw(padX), top: tw(padY), bottom: tw(padY) },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: ALIGN[align],
          spacing: { line: tw(lh), lineRule: LineRuleType.AT_LEAST },
          children: textRuns([{ text, bold }], size),
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, i, true, 'center')),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((t, i) => cell(t, i, false, columnAt(columns, i).align ?? 'left')),
      }),
  );
  if (totalRow)
    body.push(
      new TableRow({
        cantSplit: true,
        children: totalRow.map((t, i) => cell(t, i, true, columnAt(columns, i).align ?? 'left')),
      }),
    );
  return [
    new Table({
      width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
      rows: [header, ...body],
    }),
    // Word needs a paragraph between a table and what follows; it also gives the space after
    new Paragraph({ spacing: { line: tw(LAYOUT.body.line / 2), lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

function signatures(rows: SignatureRow[], ratio: [number, number]): (Table | Paragraph)[] {
  const total = tw(TEXT_WIDTH);
  const left = Math.round((total * ratio[0]) / (ratio[0] + ratio[1]));
  const widths = [left, total - left];
  const cell = (text: string, width: number, last: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ spacing: bodySpacing, keepNext: !last, children: textRuns([{ text }]) })],
    });
  return [
    new Paragraph({
      spacing: { line: tw(LAYOUT.body.line / 2), lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: [],
    }),
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: [cell(r.left, left, ri === rows.length - 1), cell(r.right, total - left, ri === rows.length - 1)],
          }),
      ),
    }),
  ];
}

function signoff(lines: { text: string; align: 'left' | 'right' }[]): Paragraph[] {
  return [
    new Paragraph({
      spacing: { line: tw(LAYOUT.body.line / 2), lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: [],
    }),
    ...lines.map(
      (l, i) =>
        new Paragraph({
          alignment: l.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: l.align === 'right' ? { right: tw(LAYOUT.body.size * 2) } : undefined,
          spacing: bodySpacing,
          keepNext: i < lines.length - 1,
          children: [new TextRun({ text: l.text })],
        }),
    ),
  ];
}

function blockToDocx(b: Block, next: Block | undefined): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [title(b.text, b.level)];
    case 'line':
      return [line(b.text, b.align, b.bold ?? false)];
    case 'paragraph':
      return [paragraph(b, keptWithNext(b, next))];
    case 'table':
      return table(b.columns, b.rows, b.totalRow);
    case 'signatures':
      return signatures(b.rows, b.widths ?? [1, 1]);
    case 'signoff':
      return signoff(b.lines);
    case 'spacer':
      return Array.from({ length: b.lines }, () => new Paragraph({ spacing: bodySpacing, children: [] }));
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const footer = model.pageNumbers
    ? new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                size: hp(LAYOUT.footer.size),
                children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
              }),
            ],
          }),
        ],
      })
    : undefined;
  const doc = new Document({
    title: model.title,
    subject: model.subject,
    creator: 'Yizhan 一站',
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: hp(LAYOUT.body.size) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(LAYOUT.page.width), height: tw(LAYOUT.page.height) },
            margin: {
              top: tw(LAYOUT.margin.top),
              bottom: tw(LAYOUT.margin.bottom),
              left: tw(LAYOUT.margin.left),
              right: tw(LAYOUT.margin.right),
              footer: tw(LAYOUT.margin.bottom / 2),
            },
          },
        },
        footers: footer ? { default: footer } : undefined,
        children: model.blocks.flatMap((b, i) => blockToDocx(b, model.blocks[i + 1])),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
