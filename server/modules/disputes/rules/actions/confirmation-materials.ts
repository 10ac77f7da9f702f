/**
 * What a judicial confirmation application must carry besides what court.ts checks: the proof that
 * the mediation body conducted the mediation (民诉法解释第三百五十四条: 当事人申请司法确认调解协议，
 * 应当向人民法院提交调解协议、调解组织主持调解的证明……), and an agreement document complete with
 * the mediator's signature and, where an organisation mediated, its seal (特邀调解规定第二十四条
 * 第二款). A pre-filing agreement is in force without them, but the application waits for them.
 */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { mediatedByOf, mediatorSignatureMissing } from '../agreement-effect.js';
import { fail, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

export function confirmationMaterialsRefusal(
  state: CaseState,
  p: ActionPayload<'apply_confirmation'>,
): TransitionError | undefined {
  if (!p.materials.mediationProof) {
    return fail(
      'materials_incomplete',
      '申请材料须附“调解组织主持调解的证明”（materials.mediationProof）（《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十四条）。',
      'The application needs the proof that the mediation body conducted the mediation (materials.mediationProof) (SPC Interpretation of the Civil Procedure Law (民诉法解释) art. 354).',
    );
  }
  if (mediatorSignatureMissing(state)) {
    const seal = mediatedByOf(state) === 'organisation';
    return fail(
      'materials_incomplete',
      `调解协议书尚缺调解员签名${seal ? '和调解组织印章' : ''}，请先由调解员签署（《最高人民法院关于人民法院特邀调解的规定》第二十四条第二款）。`,
      `The agreement still lacks the mediator’s signature${seal ? ' and the organisation’s seal' : ''}; the mediator must sign first (SPC Provisions on Specially Invited Mediation (特邀调解规定) art. 24 ¶2).`,
    );
  }
  return undefined;
}
