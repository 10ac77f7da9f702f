import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_CODES } from '../../../../contracts/disputes/documents.js';
import {
  buildDocument,
  DOCUMENT_KINDS,
  DocumentDataError,
  documentFileName,
  isDocumentKind,
  renderDocument,
  type CaseDocumentData,
  type DocumentKind,
} from './index.js';
import { sampleCase, sampleCollectiveCase, sampleFailedCase, samplePostFilingCase } from './sample.js';
import { docxText, pdfText, squash, type PdfText } from './test-support.js';

const CASE_NO = '中总工调〔2025〕0123号';
const WORKER = '陈建国';
const EMPLOYER = '中山市鑫盛建筑劳务有限公司';
const CONTRACTOR = '中山市恒达建筑工程有限公司';
const COURT = '广东省中山市第一人民法院';

/** What each document must say, checked in both the PDF and the DOCX. */
const EXPECTED: Record<DocumentKind, string[]> = {
  'agreement-submission': [
    '调解协议提交函',
    '编号：（2025）粤2071民初4567号',
    `${COURT}：`,
    `贵院立案受理的${WORKER}与`,
    '委托中山市总工会劳动争议诉调对接工作室进行调解',
    '2025年5月8日',
    '经双方当事人和特邀调解员签名（盖章）',
    '请依法审查并制作调解书',
    '《最高人民法院关于人民法院特邀调解的规定》第二十条',
    '调解书经双方当事人签收后，即具有法律效力',
    '特邀调解员（签名）：黄丽华',
    '2025年5月9日',
  ],
  'mediation-application': [
    '劳动争议调解申请书',
    `编号：${CASE_NO}`,
    `申请人：${WORKER}，男，1978年4月16日出生`,
    `被申请人：${EMPLOYER}，统一社会信用代码91442000MA4W8KLQ2N`,
    `被申请人（施工总承包单位）：${CONTRACTOR}`,
    '请求事项：',
    '86,400.00元',
    '以上合计93,600.00元（大写：人民币玖万叁仟陆佰元整）',
    '事实与理由：',
    '刘某离开工地后下落不明',
    '争议事项：',
    '依照《保障农民工工资支付条例》第三十条',
    '《中华人民共和国劳动争议调解仲裁法》第十条、第十二条',
    '刘某出具的欠条',
    '此致中山市总工会劳动争议诉调对接工作室',
    '申请人（签名）：',
    '2025年4月21日',
  ],
  'negotiation-proposal': [
    '调解建议书',
    '（劳动争议协商方案）',
    CASE_NO,
    `申请人：${WORKER}`,
    EMPLOYER,
    '一、基本事实',
    '二、争议焦点',
    '三、法律分析与计算',
    '劳动合同法第四十七条',
    '保障农民工工资支付条例第三十条',
    '12个月×7,200.00元=86,400.00元',
    '合计93,600.00',
    '依照《保障农民工工资支付条例》第三十条的规定',
    '支付90,500.00元（大写：人民币玖万零伍佰元整）',
    '经济补偿4,100.00元（大写：人民币肆仟壹佰元整）',
    '不具有强制约束力',
    '调解员：黄丽华',
    '2025年4月28日',
  ],
  'mediation-agreement': [
    '调解协议书',
    `编号：${CASE_NO}`,
    `申请人：${WORKER}`,
    `被申请人：${EMPLOYER}`,
    `被申请人（施工总承包单位）：${CONTRACTOR}`,
    '纠纷主要事实、争议事项：',
    '经中山市总工会劳动争议诉调对接工作室主持调解，双方当事人自愿达成如下协议：',
    `一、${CONTRACTOR}同意向${WORKER}支付2024年3月至2025年2月的工资及经济补偿共计90,500.00元（大写：人民币玖万零伍佰元整）`,
    '第一期，于2025年5月20日前支付50,000.00元（大写：人民币伍万元整）',
    '第二期，于2025年6月20日前支付40,500.00元（大写：人民币肆万零伍佰元整）',
    '履行方式、时限：',
    '于2025年6月20日前履行完毕',
    '本协议一式四份',
    '本协议自各方当事人签名（盖章）、调解员签名并加盖调解组织印章之日起生效',
    '《中华人民共和国劳动争议调解仲裁法》第十六条',
    '《中华人民共和国民事诉讼法》第二百零五条',
    `申请人（签名）：${WORKER}（电子签名）`,
    `被申请人（盖章）：${EMPLOYER}（电子签名）`,
    '调解员（签名）：黄丽华',
    '调解组织（印章）：中山市总工会劳动争议诉调对接工作室（已盖章）',
    '2025年5月8日',
  ],
  'confirmation-application': [
    '司法确认申请书',
    `申请人（劳动者）：${WORKER}`,
    '送达地址广东省中山市火炬开发区翠湖花园二期项目工人宿舍',
    `申请人（用人单位）：${EMPLOYER}`,
    `申请人（施工总承包单位）：${CONTRACTOR}`,
    '委托诉讼代理人：周敏',
    '请求人民法院确认申请人陈建国与申请人中山市鑫盛建筑劳务有限公司、中山市恒达建筑工程有限公司于2025年5月8日经中山市总工会劳动争议诉调对接工作室主持调解达成的调解协议有效',
    '人民币玖万零伍佰元整',
    '依照《中华人民共和国民事诉讼法》第二百零五条的规定，自调解协议生效之日起三十日内',
    '平等自愿',
    '不违反法律、行政法规的强制性规定',
    '送达地址及联系方式',
    '139****5821',
    '申请人陈建国的居民身份证复印件一份',
    '营业执照副本复印件一份',
    '法定代表人身份证明书',
    '授权委托书及委托代理人周敏的身份证明各一份',
    `此致${COURT}`,
    '申请人（签名）：',
    `申请人（盖章）：${EMPLOYER}`,
    '2025年5月9日',
  ],
  'civil-ruling': [
    `${COURT}民事裁定书（2025）粤2071民特123号`,
    `申请人：${WORKER}，男，1978年4月16日出生，汉族，住四川省南充市`,
    `申请人：${EMPLOYER}`,
    '法定代表人：梁志强',
    '委托诉讼代理人：周敏，该公司法务专员。',
    '于2025年5月9日向本院申请司法确认调解协议',
    '达成了如下调解协议：',
    '人民币玖万零伍佰元整',
    '本院经审查认为，申请人达成的调解协议，符合司法确认调解协议的法定条件。',
    '依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条规定，裁定如下：',
    `一、申请人${WORKER}与申请人${EMPLOYER}、${CONTRACTOR}于2025年5月8日经中山市总工会劳动争议诉调对接工作室主持调解达成的调解协议有效。`,
    '二、当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
    '审判员林志远',
    '二〇二五年五月十日',
    '（院印）',
    '本件与原本核对无异',
    '书记员吴嘉欣',
  ],
  'filing-package': [
    '劳动争议案件材料包',
    `案件编号：${CASE_NO}`,
    '转仲裁：中山市劳动人事争议仲裁委员会',
    WORKER,
    CONTRACTOR,
    '请求事项',
    '解除劳动合同经济补偿',
    '案件事实',
    '争议焦点',
    '法律分析与计算',
    '劳动合同法第三十八条',
    '调解经过',
    '2025年4月25日09:30',
    '恒达公司以尚未与鑫盛公司结算为由拒绝先行清偿',
    '证据清单',
    '劳务分包合同',
    '调解终结原因：被申请人鑫盛公司在调解期限内拒绝调解',
    '劳动争议调解仲裁法第二十七条',
  ],
  'enforcement-application': [
    '强制执行申请书',
    `申请执行人：${WORKER}，男，1978年4月16日出生`,
    '送达地址广东省中山市火炬开发区翠湖花园二期项目工人宿舍',
    `被执行人：${CONTRACTOR}，统一社会信用代码91442000708012345X`,
    '法定代表人：何伟明',
    `执行依据：${COURT}2025年5月10日作出的（2025）粤2071民特123号民事裁定书及该裁定书确认有效的调解协议（编号：${CASE_NO}）。`,
    '执行请求：',
    `一、请求强制被执行人${CONTRACTOR}向申请执行人${WORKER}支付到期未付的2024年3月至2025年2月的工资及经济补偿40,500.00元（大写：人民币肆万零伍佰元整）；`,
    '《中华人民共和国民事诉讼法》第二百六十四条',
    '三、本案执行费用由被执行人负担。',
    '事实与理由：',
    '第二期，于2025年6月20日前支付40,500.00元（大写：人民币肆万零伍佰元整）',
    '于2025年5月10日作出（2025）粤2071民特123号民事裁定书，确认该调解协议有效',
    '应于2025年6月20日前支付90,500.00元（大写：人民币玖万零伍佰元整）',
    '截至2025年6月25日，被执行人仅支付50,000.00元（大写：人民币伍万元整），尚有40,500.00元（大写：人民币肆万零伍佰元整）逾期未付。',
    '依照《中华人民共和国民事诉讼法》第二百四十七条的规定',
    '本申请在《中华人民共和国民事诉讼法》第二百五十条规定的二年申请执行期间内提出',
    '（2025）粤2071民特123号民事裁定书副本一份',
    `此致${COURT}`,
    '申请执行人（签名）：＿＿＿＿＿＿',
    '2025年6月25日',
  ],
  'payment-order-application': [
    '支付令申请书',
    `申请人：${WORKER}，男，1978年4月16日出生`,
    `被申请人：${CONTRACTOR}`,
    '请求事项：',
    `一、请求人民法院向被申请人${CONTRACTOR}发出支付令，督促被申请人自收到支付令之日起十五日内向申请人${WORKER}支付2024年3月至2025年2月的工资及经济补偿50,000.00元（大写：人民币伍万元整）；`,
    '二、本案申请费由被申请人负担。',
    '事实与理由：',
    `自愿达成调解协议（编号：${CASE_NO}）。该调解协议于2025年5月8日经当事人签名（盖章）`,
    '截至2025年5月26日，被申请人未支付任何款项，尚有50,000.00元（大写：人民币伍万元整）逾期未付；另有40,500.00元（大写：人民币肆万零伍佰元整）尚未到约定的履行期限。',
    '《中华人民共和国劳动争议调解仲裁法》第十六条规定：“因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令。',
    '没有其他债务纠纷，支付令能够送达被申请人',
    '《中华人民共和国民事诉讼法》第二百二十五条',
    `调解协议书（编号：${CASE_NO}）一份`,
    `此致${COURT}`,
    '申请人（签名）：＿＿＿＿＿＿',
    '2025年5月26日',
  ],
};

const dataFor = (kind: DocumentKind): CaseDocumentData =>
  kind === 'filing-package'
    ? sampleFailedCase()
    : kind === 'agreement-submission'
      ? samplePostFilingCase()
      : sampleCase();

const pdfCache = new Map<string, Promise<PdfText>>();
function pdfOf(kind: DocumentKind, data: CaseDocumentData = dataFor(kind), key: string = kind): Promise<PdfText> {
  let p = pdfCache.get(key);
  if (!p) {
    p = renderDocument(kind, data, 'pdf').then(pdfText);
    pdfCache.set(key, p);
  }
  return p;
}

function expectAll(flat: string, expected: string[]) {
  for (const e of expected) expect(flat, `missing: ${e}`).toContain(squash(e));
}

describe('document kinds', () => {
  it('lists nine kinds with Chinese and English titles', () => {
    expect(DOCUMENT_KINDS.map((k) => k.kind)).toEqual([
      'mediation-application',
      'negotiation-proposal',
      'mediation-agreement',
      'confirmation-application',
      'civil-ruling',
      'filing-package',
      'enforcement-application',
      'payment-order-application',
      'agreement-submission',
    ]);
    for (const k of DOCUMENT_KINDS) {
      expect(k.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(k.en).toMatch(/^[A-Z]/);
      expect(k.formats).toContain('pdf');
    }
    expect(isDocumentKind('civil-ruling')).toBe(true);
    expect(isDocumentKind('toString')).toBe(false);
  });

  it('has a builder and requirements for every kind the case page lists (contracts/disputes/documents.ts)', () => {
    expect(DOCUMENT_KINDS.map((k) => k.kind).sort()).toEqual([...DOCUMENT_KIND_CODES].sort());
    for (const kind of DOCUMENT_KIND_CODES) expect(isDocumentKind(kind), kind).toBe(true);
  });

  it('names download files after the title and number', () => {
    expect(documentFileName('mediation-agreement', sampleCase(), 'pdf')).toBe(`调解协议书-${CASE_NO}.pdf`);
    expect(documentFileName('civil-ruling', sampleCase(), 'docx')).toBe('民事裁定书-（2025）粤2071民特123号.docx');
    expect(documentFileName('negotiation-proposal', sampleCase(), 'pdf')).toBe(`调解建议书-${CASE_NO}.pdf`);
    expect(documentFileName('enforcement-application', sampleCase(), 'pdf')).toBe(`强制执行申请书-${CASE_NO}.pdf`);
    expect(documentFileName('payment-order-application', sampleCase(), 'docx')).toBe(`支付令申请书-${CASE_NO}.docx`);
  });
});

describe.each(DOCUMENT_KINDS.map((k) => k.kind))('%s', (kind) => {
  it('PDF: the text a reader sees has the title, number, parties, amounts and statutes', async () => {
    const t = await pdfOf(kind);
    expect(t.pages).toBeGreaterThan(0);
    expectAll(t.flat, EXPECTED[kind]);
    expect(t.footers).toEqual(Array.from({ length: t.pages }, (_, i) => `第${i + 1}页共${t.pages}页`));
  });

  it('DOCX: word/document.xml has the same text, with Chinese fonts named', async () => {
    const buf = await renderDocument(kind, dataFor(kind), 'docx');
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const d = await docxText(buf);
    expectAll(d.flat, EXPECTED[kind]);
    expect(d.stylesXml).toContain('w:eastAsia="宋体"');
    expect(d.documentXml).toContain('w:eastAsia="黑体"');
    expect(d.footerXml).toMatch(/PAGE/);
    expect(d.footerXml).toMatch(/NUMPAGES/);
  });
});

describe('PDF typesetting', () => {
  it('embeds a subset of Noto Serif SC from the npm package and stays small', async () => {
    const buf = await renderDocument('mediation-agreement', sampleCase(), 'pdf');
    const raw = buf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
    expect(buf.length).toBeLessThan(250_000);
  });

  it('carries the title in the metadata', async () => {
    const t = await pdfOf('civil-ruling');
    expect(t.info.Title).toBe(`${COURT}民事裁定书 （2025）粤2071民特123号`);
  });

  it('never starts a line with closing punctuation (避头尾)', async () => {
    const NO_START = /^[，。、；：？！）》」』】〕”’]/u;
    for (const { kind } of DOCUMENT_KINDS) {
      const t = await pdfOf(kind);
      // a line starts at the left margin (79 pt) or after the two-character indent (107 pt)
      const starts = t.items.filter((i) => Math.abs(i.x - 79) < 0.5 || Math.abs(i.x - 107) < 0.5);
      expect(starts.length).toBeGreaterThan(10);
      for (const s of starts) expect(s.str, `${kind} p.${s.page}: ${s.str}`).not.toMatch(NO_START);
    }
  });

  it('keeps the ruling signature block with the last paragraph', async () => {
    const t = await pdfOf('civil-ruling');
    const pageOf = (needle: string) => t.pageTexts.findIndex((text) => text.includes(needle));
    expect(pageOf('本裁定书自即日起发生法律效力')).toBe(pageOf('审判员林志远'));
    expect(pageOf('书记员吴嘉欣')).toBe(pageOf('审判员林志远'));
    expect(pageOf('审判员林志远')).toBeGreaterThanOrEqual(0);
  });
});

describe('variants', () => {
  it('a refused ruling dismisses the application on its ground under article 206 only', async () => {
    const d = sampleCase();
    d.ruling = {
      ...d.ruling!,
      number: '（2025）粤2071民特124号',
      decision: 'refused',
      refusalGround: 'unclear',
      refusalReason: '协议未载明经济补偿的具体数额',
    };
    const t = await pdfOf('civil-ruling', d, 'refused');
    expectAll(t.flat, [
      '（2025）粤2071民特124号',
      '本院经审查认为，该调解协议内容不明确，无法确认，协议未载明经济补偿的具体数额，不符合司法确认调解协议的法定条件。',
      '依照《中华人民共和国民事诉讼法》第二百零六条规定，裁定如下：',
      `驳回申请人${WORKER}与申请人${EMPLOYER}、${CONTRACTOR}的司法确认申请。`,
      '当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。',
    ]);
    expect(t.flat).not.toContain('第二百零五条、第二百零六条');
    expect(t.flat).not.toContain('达成的调解协议有效。');
  });

  it('a people’s mediation committee issues a 人民调解协议书', async () => {
    const d = sampleCase();
    d.mediationBody = { ...d.mediationBody, name: '中山市劳动争议人民调解委员会', kind: 'people' };
    const docx = await docxText(await renderDocument('mediation-agreement', d, 'docx'));
    expect(docx.flat).toContain('人民调解协议书');
    expect(docx.flat).toContain('调解组织（印章）：中山市劳动争议人民调解委员会');
  });

  it('a collective case lists representatives and a roster of all workers', async () => {
    const t = await pdfOf('mediation-agreement', sampleCollectiveCase(), 'collective');
    expectAll(t.flat, [
      '申请人：陈建国等12名劳动者（名单附后）',
      '代表人：陈建国',
      '代表人：李志明',
      '附：劳动者名单',
      '孙大勇',
      '5113**********4211',
      '申请人代表人（签名）：陈建国、李志明（电子签名）',
    ]);
    expect(t.flat).toContain(squash(`向陈建国等12人支付`));
  });

  it('an oral application says who recorded it (劳动争议调解仲裁法第十二条)', async () => {
    const d = sampleCase();
    d.application = { appliedAt: '2025-04-21', mode: 'oral', recordedBy: '黄丽华' };
    const docx = await docxText(await renderDocument('mediation-application', d, 'docx'));
    expect(docx.flat).toContain('本申请系申请人口头提出，由调解员黄丽华当场记录');
    expect(docx.flat).toContain('记录人：黄丽华');
  });

  it('a handwritten agreement leaves blank signature lines and the representative’s line', async () => {
    const d = sampleCase();
    d.signatures = { seal: false };
    d.effectiveDate = undefined;
    const docx = await docxText(await renderDocument('mediation-agreement', d, 'docx'));
    expect(docx.flat).toContain('申请人（签名）：＿＿＿＿＿＿');
    expect(docx.flat).toContain('法定代表人或委托代理人（签名）：＿＿＿＿＿＿');
    expect(docx.flat).not.toContain('电子签名');
    expect(docx.flat).not.toContain('已盖章');
    expect(docx.flat).toContain('年月日');
  });

  it('a lump sum is paid in one go', () => {
    const d = sampleCase();
    d.agreement = { ...d.agreement!, instalments: [{ dueDate: '2025-05-31', amountFen: 9_050_000 }] };
    const text = JSON.stringify(buildDocument('mediation-agreement', d).blocks);
    expect(text).toContain('于2025年5月31日前一次性支付完毕');
  });
});

describe('after a default: enforcement and payment order', () => {
  it('enforcement names only the paying party and leaves out the period sentence once two years have passed', async () => {
    const d = sampleCase();
    d.agreement = { ...d.agreement!, payer: EMPLOYER };
    d.enforcement = { appliedAt: '2027-07-01', paidFen: 0, overdueFen: 9_050_000 };
    const t = await pdfOf('enforcement-application', d, 'enforcement-late');
    expectAll(t.flat, [
      `被执行人：${EMPLOYER}`,
      '法定代表人：梁志强',
      '人民币玖万零伍佰元整',
      '截至2027年7月1日，被执行人未支付任何款项',
    ]);
    expect(t.flat).not.toContain(`被执行人：${CONTRACTOR}`);
    expect(t.flat).not.toContain('第二百五十条');
  });

  it.each([
    // kind of mediation, effect clause, organisation seal line
    [{}, '调解员签名并加盖调解组织印章之日起生效', true], // union: 劳动争议调解仲裁法第十四条第二款
    [{ preFiling: true, sealRequired: true }, '自双方当事人签名（盖章）之日起生效', true], // 委派, organisation
    [{ preFiling: true, sealRequired: false }, '自双方当事人签名（盖章）之日起生效', false], // 委派, individual
  ] as const)('the mediation agreement says when it takes effect and who seals it: %o', async (kind, clause, seal) => {
    const docx = await docxText(await renderDocument('mediation-agreement', { ...sampleCase(), ...kind }, 'docx'));
    expect(docx.flat).toContain(clause);
    expect(docx.flat.includes('调解组织（印章）')).toBe(seal);
  });

  it('a payment order for the wage part of a mixed agreement asks for that part only (劳动争议调解仲裁法第十六条)', async () => {
    const d = sampleCase();
    const docx = await docxText(
      await renderDocument(
        'payment-order-application',
        {
          ...d,
          paymentOrder: {
            ...d.paymentOrder!,
            part: { claims: ['拖欠工资'], amountFen: 3_000_000 },
            inForceOnPartiesSignatures: true,
          },
        },
        'docx',
      ),
    );
    expectAll(docx.flat, [
      '支付调解协议中拖欠工资',
      '本申请仅就其中拖欠工资部分申请支付令',
      '经双方当事人签名（盖章）后生效（《最高人民法院关于人民法院特邀调解的规定》第二十四条第三款）',
    ]);
    expect(docx.flat).not.toContain('调解员签名并加盖调解组织印章后生效');
  });

  it('a collective application is signed by the representatives and carries the roster', async () => {
    const docx = await docxText(await renderDocument('payment-order-application', sampleCollectiveCase(), 'docx'));
    expectAll(docx.flat, [
      '申请人：陈建国等12名劳动者（名单附后）',
      '代表人：李志明',
      '向申请人陈建国等12人支付',
      '申请人代表人（签名）：',
      '附：劳动者名单',
      '孙大勇',
    ]);
  });

  it('refuses enforcement without a confirming ruling, and figures that do not add up', () => {
    const d = sampleCase();
    expect(() => buildDocument('enforcement-application', { ...d, enforcement: undefined })).toThrow(
      /missing enforcement/,
    );
    expect(() => buildDocument('payment-order-application', { ...d, paymentOrder: undefined })).toThrow(
      /missing paymentOrder/,
    );
    expect(() =>
      buildDocument('enforcement-application', {
        ...d,
        ruling: { ...d.ruling!, decision: 'refused', refusalGround: 'unclear' },
      }),
    ).toThrow(/confirmed the agreement/);
    expect(() =>
      buildDocument('enforcement-application', {
        ...d,
        enforcement: { appliedAt: '2025-06-25', paidFen: 5_000_000, overdueFen: 0 },
      }),
    ).toThrow(DocumentDataError);
    expect(() =>
      buildDocument('payment-order-application', {
        ...d,
        paymentOrder: { appliedAt: '2025-06-25', paidFen: 5_000_000, overdueFen: 5_000_000 },
      }),
    ).toThrow(/exceed the agreed total/);
  });

  it('lists each kind’s data in `requires`', () => {
    // The title (a confirming ruling or a served mediation document) is checked by the builder.
    expect(DOCUMENT_KINDS.find((k) => k.kind === 'enforcement-application')?.requires).toEqual([
      'agreement',
      'enforcement',
    ]);
    expect(DOCUMENT_KINDS.find((k) => k.kind === 'payment-order-application')?.requires).toEqual([
      'agreement',
      'paymentOrder',
    ]);
  });
});

describe('data checks', () => {
  it('refuses an agreement whose instalments do not add up', async () => {
    const d = sampleCase();
    d.agreement = { ...d.agreement!, instalments: [{ dueDate: '2025-05-20', amountFen: 5_000_000 }] };
    await expect(renderDocument('mediation-agreement', d, 'pdf')).rejects.toThrow(DocumentDataError);
    await expect(renderDocument('mediation-agreement', d, 'pdf')).rejects.toThrow(/not the agreed total 90,500.00 元/);
  });

  it('refuses instalments out of date order', () => {
    const d = sampleCase();
    d.agreement = { ...d.agreement!, instalments: [...d.agreement!.instalments].reverse() };
    expect(() => buildDocument('mediation-agreement', d)).toThrow(DocumentDataError);
  });

  it('names what is missing', () => {
    const d = sampleCase();
    d.ruling = undefined;
    expect(() => buildDocument('civil-ruling', d)).toThrow(/missing ruling/);
    d.ruling = { ...sampleCase().ruling!, decision: 'refused' };
    expect(() => buildDocument('civil-ruling', d)).toThrow(/refusal needs its ground/);
    expect(() => buildDocument('filing-package', { ...d, routing: undefined })).toThrow(/missing routing/);
    expect(() => buildDocument('mediation-application', { ...d, application: undefined })).toThrow(DocumentDataError);
    expect(() => buildDocument('negotiation-proposal', { ...d, proposal: undefined })).toThrow(DocumentDataError);
    expect(() => buildDocument('confirmation-application', { ...d, confirmation: undefined })).toThrow(
      DocumentDataError,
    );
  });

  it('rejects an unknown kind or format', async () => {
    await expect(renderDocument('nope' as DocumentKind, sampleCase(), 'pdf')).rejects.toThrow(RangeError);
    await expect(renderDocument('civil-ruling', sampleCase(), 'odt' as 'pdf')).rejects.toThrow(RangeError);
  });
});
