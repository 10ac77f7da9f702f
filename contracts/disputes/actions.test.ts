import { describe, expect, it } from 'vitest';
import { actionFitsKind } from './actions.js';

describe('actions a case of each kind is offered', () => {
  it.each([
    // action, union, pre-filing, post-filing
    ['apply_confirmation', true, true, false], // 民事诉讼法第二百零五条; 委托: 特邀调解规定第二十条
    ['apply_payment_order', true, true, false], // 劳动争议调解仲裁法第十六条
    ['submit_agreement_to_court', false, false, true],
    ['record_mediation_document', false, false, true],
    ['continue_mediation', true, false, false], // 劳动争议调解仲裁法第十四条第三款
    ['extend_mediation', false, true, true],
    ['record_payment', true, true, true],
  ] as const)('%s: union %s, pre-filing %s, post-filing %s', (code, union, pre, post) => {
    expect(actionFitsKind(code, 'union_mediation')).toBe(union);
    expect(actionFitsKind(code, 'court_pre_filing')).toBe(pre);
    expect(actionFitsKind(code, 'court_post_filing_ordinary')).toBe(post);
    expect(actionFitsKind(code, 'court_post_filing_simple')).toBe(post);
  });
});
