import { describe, expect, it } from 'vitest';
import {
  CLOSE_REASONS,
  CLOSE_REASONS_BY_STAGE,
  CLOSE_REASON_LABELS,
  OPEN_STAGES,
  POST_AGREEMENT_STAGES,
  PRE_AGREEMENT_OPEN_STAGES,
  REQUIRED_BEFORE,
  STAGES,
  STAGE_BY_CODE,
  STAGE_CODES,
  TERMINAL_STAGES,
  isStage,
  isTerminal,
} from './stages.js';

describe('stages', () => {
  it('lists every stage once, in workflow order, with zh/en labels and a worker-facing text', () => {
    expect(STAGES.map((s) => s.code)).toEqual([...STAGE_CODES]);
    for (const s of STAGES) {
      expect(s.zh).not.toBe('');
      expect(s.en).not.toBe('');
      expect(s.workerZh.length).toBeGreaterThan(10);
      expect(s.workerEn.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['intake', '登记'],
    ['consultation', '咨询分析'],
    ['employer_contacted', '联系用人单位'],
    ['consented', '同意调解'],
    ['mediating', '调解中'],
    ['agreement_signed', '达成协议'],
    ['confirmation_applied', '申请司法确认'],
    ['ruling_issued', '出具裁定'],
    ['confirmation_refused', '不予确认'],
    ['performed', '履行完毕'],
    ['enforcement_applied', '申请强制执行'],
    ['payment_order_applied', '申请支付令'],
    ['agreement_submitted', '调解协议已提交法院'],
    ['mediation_document_issued', '调解书生效'],
    ['suit_withdrawn', '准予撤诉'],
  ] as const)('%s is labelled %s', (code, zh) => expect(STAGE_BY_CODE[code].zh).toBe(zh));

  it('only performed, suit_withdrawn and closed_failed are terminal', () => {
    expect(STAGE_CODES.filter(isTerminal)).toEqual(['performed', 'suit_withdrawn', 'closed_failed']);
  });

  it('the stage sets follow from the stages: open or terminal; before, with or without an agreement', () => {
    expect(TERMINAL_STAGES).toEqual(['performed', 'suit_withdrawn', 'closed_failed']);
    expect(OPEN_STAGES).toEqual(STAGE_CODES.filter((s) => !isTerminal(s)));
    expect(PRE_AGREEMENT_OPEN_STAGES).toEqual([
      'intake',
      'consultation',
      'employer_contacted',
      'consented',
      'mediating',
    ]);
    expect(POST_AGREEMENT_STAGES).toEqual([
      'agreement_signed',
      'confirmation_applied',
      'ruling_issued',
      'confirmation_refused',
      'agreement_submitted',
      'mediation_document_issued',
      'performed',
      'suit_withdrawn',
      'enforcement_applied',
      'payment_order_applied',
    ]);
    // An agreement is in force exactly in the stages that cannot be reached without signing one.
    for (const s of STAGE_CODES) {
      const signed = s === 'agreement_signed' || REQUIRED_BEFORE[s].includes('agreement_signed');
      expect(POST_AGREEMENT_STAGES.includes(s), s).toBe(signed);
      expect(PRE_AGREEMENT_OPEN_STAGES.includes(s), s).toBe(!signed && s !== 'closed_failed');
    }
  });

  it('required predecessors are themselves earlier stages whose own requirements are included', () => {
    for (const s of STAGE_CODES) {
      for (const r of REQUIRED_BEFORE[s]) {
        expect(r).not.toBe(s);
        for (const rr of REQUIRED_BEFORE[r]) expect(REQUIRED_BEFORE[s], `${s} needs ${rr} via ${r}`).toContain(rr);
      }
    }
  });

  it('close reasons have labels and are only offered from non-terminal stages', () => {
    for (const r of CLOSE_REASONS) expect(CLOSE_REASON_LABELS[r].zh).not.toBe('');
    for (const [stage, reasons] of Object.entries(CLOSE_REASONS_BY_STAGE)) {
      expect(isStage(stage)).toBe(true);
      expect(isTerminal(stage as never)).toBe(false);
      expect(reasons.length).toBeGreaterThan(0);
    }
  });

  it('isStage rejects unknown strings', () => {
    expect(isStage('mediating')).toBe(true);
    expect(isStage('archived')).toBe(false);
    expect(isStage(3)).toBe(false);
  });
});
