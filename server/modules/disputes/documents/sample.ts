/**
 * A complete sample case (fictitious people and companies), used by the tests and by
 * `preview.ts`: the seed story of a construction worker whose crew boss vanished owing him a
 * year of wages, paid in the end by the labor subcontractor and the general contractor.
 */
import type { CaseDocumentData, WorkerParty } from './types.js';

export function sampleCase(): CaseDocumentData {
  return {
    caseNumber: '中总工调〔2025〕0123号',
    cause: '追索劳动报酬纠纷',
    court: { name: '广东省中山市第一人民法院', code: '粤2071' },
    mediationBody: {
      name: '中山市总工会劳动争议诉调对接工作室',
      kind: 'union',
      address: '广东省中山市东区博爱五路诉讼服务中心一楼',
      phone: '0760-8888XXXX',
    },
    mediators: ['黄丽华'],
    parties: {
      workers: [
        {
          name: '陈建国',
          sex: 'male',
          birthDate: '1978-04-16',
          ethnicity: '汉族',
          residentIdMasked: '5113**********4217',
          address: '四川省南充市仪陇县马鞍镇长岭村三组',
          phone: '139****5821',
          serviceAddress: '广东省中山市火炬开发区翠湖花园二期项目工人宿舍',
        },
      ],
      employers: [
        {
          name: '中山市鑫盛建筑劳务有限公司',
          uscc: '91442000MA4W8KLQ2N',
          address: '广东省中山市石岐街道民生路18号',
          legalRepresentative: { name: '梁志强', title: '执行董事' },
          phone: '0760-8765XXXX',
        },
      ],
      liableParties: [
        {
          name: '中山市恒达建筑工程有限公司',
          uscc: '91442000708012345X',
          address: '广东省中山市火炬开发区康乐大道66号',
          legalRepresentative: { name: '何伟明', title: '总经理' },
          agent: { name: '周敏', relation: '该公司法务专员', phone: '136****0917' },
          role: 'general-contractor',
          liabilityBasis: '《保障农民工工资支付条例》第三十条',
          liabilityExplanation:
            '恒达公司将翠湖花园二期项目的劳务作业分包给鑫盛公司，分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法向分包单位追偿',
        },
      ],
    },
    claims: [
      { type: 'wage-arrears', description: '2024年3月至2025年2月拖欠的工资', amountFen: 8_640_000 },
      { type: 'economic-compensation', description: '被迫解除劳动合同的经济补偿', amountFen: 720_000 },
    ],
    facts: [
      '2024年3月1日起，申请人经班组长刘某介绍进入中山市鑫盛建筑劳务有限公司承接的翠湖花园二期项目从事钢筋工作业，双方未签订书面劳动合同，约定月工资7,200元，由刘某按月发放。',
      '自2024年3月起，刘某仅发放生活费，未发放工资。2025年1月，刘某离开工地后下落不明。截至2025年2月28日，申请人共计12个月的工资86,400元未获支付。申请人于2025年3月10日以拖欠工资为由提出解除劳动关系。',
      '翠湖花园二期项目的施工总承包单位为中山市恒达建筑工程有限公司，该公司将项目劳务作业分包给鑫盛公司。',
    ].join('\n'),
    issues: [
      '鑫盛公司是否应当支付申请人被拖欠的工资及数额',
      '恒达公司作为施工总承包单位是否应当先行清偿',
      '申请人被迫解除劳动合同能否主张经济补偿',
    ],
    analysis: [
      {
        label: '拖欠工资',
        amountFen: 8_640_000,
        basis: ['劳动合同法第三十条', '保障农民工工资支付条例第三十条'],
        explanation: '12 个月 × 7,200.00 元 = 86,400.00 元',
      },
      {
        label: '经济补偿',
        amountFen: 720_000,
        basis: ['劳动合同法第三十八条', '劳动合同法第四十六条', '劳动合同法第四十七条'],
        explanation: '工作满1年，按1个月工资计算：1 × 7,200.00 元 = 7,200.00 元',
      },
    ],
    proposal: {
      text: '考虑到申请人的生活困难和项目结算情况，建议由恒达公司先行清偿申请人被拖欠的全部工资，并与鑫盛公司共同承担部分经济补偿，申请人放弃其余请求。',
      proposedTotalFen: 9_050_000,
      items: [
        { label: '拖欠工资', amountFen: 8_640_000 },
        { label: '经济补偿', amountFen: 410_000 },
      ],
      paymentPlan: '分两期支付，第一期于2025年5月20日前支付50,000元，余款于2025年6月20日前付清',
      replyBy: '2025-05-06',
      issuedAt: '2025-04-28',
    },
    application: { appliedAt: '2025-04-21', mode: 'written' },
    agreement: {
      concludedAt: '2025-05-08',
      payer: '中山市恒达建筑工程有限公司',
      totalFen: 9_050_000,
      subject: '2024年3月至2025年2月的工资及经济补偿',
      instalments: [
        { dueDate: '2025-05-20', amountFen: 5_000_000 },
        { dueDate: '2025-06-20', amountFen: 4_050_000 },
      ],
      paymentMethod: '银行转账至申请人本人名下银行账户',
      otherTerms: [
        '中山市鑫盛建筑劳务有限公司对上述款项的支付承担连带责任；中山市恒达建筑工程有限公司清偿后，可依法向其追偿',
        '任何一期款项未按期足额支付的，申请人有权就全部未付款项申请强制执行',
        '本协议履行完毕后，申请人与各被申请人之间就本纠纷再无其他争议',
      ],
    },
    signatures: {
      worker: { signedAt: '2025-05-08T10:32', method: 'electronic' },
      employer: { signedAt: '2025-05-08T10:45', method: 'electronic' },
      mediator: { name: '黄丽华', signedAt: '2025-05-08T10:50' },
      seal: true,
    },
    effectiveDate: '2025-05-08',
    confirmation: { appliedAt: '2025-05-09' },
    ruling: {
      number: '（2025）粤2071民特123号',
      acceptedAt: '2025-05-09',
      date: '2025-05-10',
      judge: '林志远',
      clerk: '吴嘉欣',
      decision: 'confirmed',
    },
    sessions: [
      {
        startedAt: '2025-04-25T09:30',
        mode: 'in-person',
        location: '中山市诉讼服务中心调解室',
        mediators: ['黄丽华'],
        attendees: ['陈建国', '梁志强（鑫盛公司）'],
        summary: '鑫盛公司认可申请人在项目务工及工资标准，但称刘某已卷款离开、公司无力支付。',
        result: '未达成一致',
      },
      {
        startedAt: '2025-05-08T10:00',
        mode: 'video',
        mediators: ['黄丽华'],
        judge: '林志远',
        attendees: ['陈建国', '梁志强（鑫盛公司）', '周敏（恒达公司）'],
        summary: '调解员向恒达公司释明《保障农民工工资支付条例》第三十条规定的先行清偿责任，恒达公司同意先行清偿。',
        result: '达成调解协议',
      },
    ],
    evidence: [
      {
        name: '工友证人证言及考勤记录',
        providedBy: '申请人',
        purpose: '证明申请人在项目务工的期间',
        form: '复印件',
        pages: 6,
      },
      { name: '刘某出具的欠条', providedBy: '申请人', purpose: '证明拖欠工资的数额', form: '原件', pages: 1 },
      {
        name: '劳务分包合同',
        providedBy: '恒达公司',
        purpose: '证明恒达公司与鑫盛公司的分包关系',
        form: '复印件',
        pages: 12,
      },
    ],
    routing: {
      route: 'arbitration',
      reason: '被申请人鑫盛公司在调解期限内拒绝调解',
      destination: '中山市劳动人事争议仲裁委员会',
      routedAt: '2025-05-12',
      notes: ['申请仲裁的时效期间为一年，自劳动关系终止之日（2025年3月10日）起计算（劳动争议调解仲裁法第二十七条）'],
    },
    // the first instalment was paid, the second was not: enforcement of the confirmed agreement
    enforcement: { appliedAt: '2025-06-25', paidFen: 5_000_000, overdueFen: 4_050_000 },
    // or, without waiting for the court, a payment order once the first instalment was missed
    paymentOrder: { appliedAt: '2025-05-26', paidFen: 0, overdueFen: 5_000_000 },
  };
}

/** The same dispute brought by 12 workers through two representatives (劳动争议调解仲裁法第七条). */
export function sampleCollectiveCase(): CaseDocumentData {
  const base = sampleCase();
  const surnames = ['陈', '李', '王', '张', '刘', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
  const workers: WorkerParty[] = surnames.map((s, i) => ({
    name:
      i === 0
        ? '陈建国'
        : `${s}${['志明', '海涛', '国强', '春生', '德华', '永福', '小兵', '金山', '文军', '立新', '大勇'][i - 1]}`,
    sex: i === 7 ? 'female' : 'male',
    birthDate: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
    ethnicity: '汉族',
    residentIdMasked: `5113**********${String(4200 + i)}`,
    address: '四川省南充市仪陇县马鞍镇',
    phone: `139****${String(5800 + i)}`,
  }));
  return {
    ...base,
    parties: {
      ...base.parties,
      workers,
      representatives: [
        { name: '陈建国', sex: 'male', phone: '139****5800' },
        { name: '李志明', sex: 'male', phone: '139****5801' },
      ],
    },
  };
}

/** The case as it goes when the contractor refuses: no agreement, routed to arbitration. */
export function sampleFailedCase(): CaseDocumentData {
  const base = sampleCase();
  const sessions = base.sessions!.map((s, i) =>
    i === 1
      ? {
          ...s,
          summary:
            '调解员向恒达公司释明《保障农民工工资支付条例》第三十条规定的先行清偿责任，恒达公司以尚未与鑫盛公司结算为由拒绝先行清偿。',
          result: '调解不成',
        }
      : s,
  );
  return {
    ...base,
    sessions,
    agreement: undefined,
    signatures: undefined,
    effectiveDate: undefined,
    confirmation: undefined,
    ruling: undefined,
  };
}

/**
 * The same story mediated after the court filed the suit (委托调解): the studio submits the signed
 * agreement to the court, which makes a mediation document (特邀调解规定第二十条). No confirmation.
 */
export function samplePostFilingCase(): CaseDocumentData {
  return {
    ...sampleCase(),
    caseNumber: '（2025）粤2071民初4567号',
    confirmation: undefined,
    ruling: undefined,
    postFiling: true,
    courtSubmission: { submittedAt: '2025-05-09', requested: 'mediation-document' },
  };
}
