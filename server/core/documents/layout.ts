/**
 * Page geometry and type sizes shared by both renderers (points; 1 pt = 20 twips).
 * A4, margins close to GB/T 9704 (party and state organ documents); body in 四号 (14 pt) on a
 * fixed 26 pt line, titles in 二号 (22 pt), tables in 五号 (10.5 pt).
 */
export const LAYOUT = {
  page: { width: 595.28, height: 841.89 },
  margin: { top: 72, bottom: 72, left: 79, right: 74 },
  body: { size: 14, line: 26 },
  table: { size: 10.5, line: 16, padX: 4, padY: 3 },
  title: { document: 22, court: 18, spaceAfter: 10 },
  footer: { size: 10 },
} as const;

export const TEXT_WIDTH = LAYOUT.page.width - LAYOUT.margin.left - LAYOUT.margin.right;

/** points → twips */
export const tw = (pt: number): number => Math.round(pt * 20);
