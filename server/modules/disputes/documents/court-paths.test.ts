// The documents of a post-filing case (委托调解): the letter submitting the agreement to the court
// (特邀调解规定第二十条), the agreement's own closing words, and enforcement on the court's mediation
// document (民事诉讼法第一百条、第二百四十七条).
import { describe, expect, it } from 'vitest';
import { renderDocument } from './index.js';
import { sampleCase, samplePostFilingCase } from './sample.js';
import { docxText, pdfText, squash } from './test-support.js';

const has = (flat: string, text: string) => expect(flat, `missing: ${text}`).toContain(squash(text));

describe('post-filing documents', () => {
  it('the submission letter of a withdrawal asks for a ruling and lists the withdrawal application', async () => {
    const d = samplePostFilingCase();
    d.courtSubmission = { submittedAt: '2025-05-09', requested: 'withdrawal' };
    const t = await pdfText(await renderDocument('agreement-submission', d, 'pdf'));
    has(t.flat, '原告陈建国申请撤回起诉');
    has(t.flat, '请依法审查并作出裁定');
    has(t.flat, '原告陈建国的撤诉申请书一份');
    expect(t.flat).not.toContain(squash('请依法审查并制作调解书'));
  });

  it('a post-filing agreement points to the court’s mediation document, not to judicial confirmation', async () => {
    const post = await docxText(await renderDocument('mediation-agreement', samplePostFilingCase(), 'docx'));
    has(post.flat, '提交人民法院，由人民法院依法审查后制作调解书');
    has(post.flat, '调解书经双方当事人签收后，即具有法律效力');
    expect(post.flat).not.toContain(squash('共同向有管辖权的人民法院申请司法确认'));
    const pre = await docxText(await renderDocument('mediation-agreement', sampleCase(), 'docx'));
    has(pre.flat, '共同向有管辖权的人民法院申请司法确认');
  });

  it('enforcement names the served mediation document as its title', async () => {
    const d = {
      ...samplePostFilingCase(),
      mediationDocument: { number: '（2025）粤2071民初4567号', issuedAt: '2025-05-12', effectiveAt: '2025-05-14' },
      enforcement: { appliedAt: '2025-06-25', paidFen: 5_000_000, overdueFen: 4_050_000 },
    };
    const t = await pdfText(await renderDocument('enforcement-application', d, 'pdf'));
    has(t.flat, '执行依据：广东省中山市第一人民法院2025年5月12日作出的（2025）粤2071民初4567号民事调解书。');
    has(t.flat, '于2025年5月14日发生法律效力');
    has(t.flat, '发生法律效力的调解书，一方拒绝履行的');
    has(t.flat, '（2025）粤2071民初4567号民事调解书副本一份');
    expect(t.flat).not.toContain(squash('民事裁定书'));
  });
});
