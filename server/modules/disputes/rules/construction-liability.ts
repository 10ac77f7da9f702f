/**
 * Who pays a construction worker's wages when the person who hired him does not:
 * 《保障农民工工资支付条例》(2020) arts. 29, 30 and 36, applied to the hiring chain
 * recorded at intake ("who contracted work to whom, who hired the worker").
 *
 * The result names the party to contact first and the others to contact as well,
 * each with its article and a plain-Chinese explanation the mediator can read out.
 */

import {
  CHAIN_ROLE_LABELS,
  type ChainRole,
  type Citation,
  type LiabilityIssue,
  type LiabilityProposal,
  type LiabilityResult,
} from '../../../../contracts/disputes/liability.js';

export {
  CHAIN_ROLES,
  CHAIN_ROLE_LABELS,
  type ChainRole,
  type Citation,
  type LiabilityDuty,
  type LiabilityIssue,
  type LiabilityProposal,
  type LiabilityResult,
} from '../../../../contracts/disputes/liability.js';

export interface ChainParty {
  id: string;
  name: string;
  role: ChainRole;
  /** The party that contracted, subcontracted or transferred the work to this party (its 发包方). */
  contractedBy?: string;
  /** How the work reached this party: 'transfer' = 转包 of the whole project. */
  contractType?: 'contract' | 'subcontract' | 'transfer';
  /** An individual, or a unit without lawful business qualification. A crew boss always counts as one. */
  isIndividualOrUnqualified?: boolean;
  /** For a qualification_lender: the party that undertook work in this unit's name (挂靠). */
  lentTo?: string;
}

export interface HiringChain {
  parties: ChainParty[];
  /** Id of the party that hired the worker directly. */
  hiredWorker: string;
  /** Did the developer pay the project funds as the contract required? */
  developerPaidProjectFunds: boolean | 'unknown';
  crewBossReachable: boolean;
}

const REG = '保障农民工工资支付条例';

export const CITATIONS = {
  art29: {
    law: REG,
    article: 29,
    text: '《保障农民工工资支付条例》第二十九条：因建设单位未按照合同约定及时拨付工程款导致农民工工资拖欠的，建设单位应当以未结清的工程款为限先行垫付被拖欠的农民工工资。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 29: where wage arrears result from the developer not paying project funds as agreed, the developer advances the wages, up to the unpaid project funds.',
  },
  art30p1: {
    law: REG,
    article: 30,
    paragraph: 1,
    text: '《保障农民工工资支付条例》第三十条第一款：分包单位对所招用农民工的实名制管理和工资支付负直接责任。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 30 ¶1: a subcontractor is directly responsible for paying the migrant workers it hires.',
  },
  art30p3: {
    law: REG,
    article: 30,
    paragraph: 3,
    text: '《保障农民工工资支付条例》第三十条第三款：分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 30 ¶3: a subcontractor’s wage arrears are paid first by the general contractor, which may then recover them.',
  },
  art30p4: {
    law: REG,
    article: 30,
    paragraph: 4,
    text: '《保障农民工工资支付条例》第三十条第四款：工程建设项目转包，拖欠农民工工资的，由施工总承包单位先行清偿，再依法进行追偿。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 30 ¶4: where a project was transferred (转包) and wages are owed, the general contractor pays first and may then recover.',
  },
  art36p1: {
    law: REG,
    article: 36,
    paragraph: 1,
    text: '《保障农民工工资支付条例》第三十六条第一款：建设单位或者施工总承包单位将建设工程发包或者分包给个人或者不具备合法经营资格的单位，导致拖欠农民工工资的，由建设单位或者施工总承包单位清偿。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 36 ¶1: where the developer or general contractor contracted work to an individual or an unqualified unit and wages are owed, the developer or general contractor pays.',
  },
  art36p2: {
    law: REG,
    article: 36,
    paragraph: 2,
    text: '《保障农民工工资支付条例》第三十六条第二款：施工单位允许其他单位和个人以施工单位的名义对外承揽建设工程，导致拖欠农民工工资的，由施工单位清偿。',
    textEn:
      'Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 36 ¶2: a construction unit that let another unit or person take on work in its name pays the resulting wage arrears.',
  },
  employer: {
    law: '劳动法',
    article: 50,
    text: '《劳动法》第五十条：工资应当以货币形式按月支付给劳动者本人，不得克扣或者无故拖欠劳动者的工资。',
    textEn:
      'Labor Law (劳动法) art. 50: wages are paid monthly in money to the worker; they may not be withheld or delayed without reason.',
  },
  debtor: {
    law: '民法典',
    article: 577,
    text: '《民法典》第五百七十七条：当事人一方不履行合同义务的，应当承担继续履行等违约责任。',
    textEn:
      'Civil Code (民法典) art. 577: a party that does not perform its contract bears liability, including to perform.',
  },
} as const satisfies Record<string, Citation>;

function isUnqualified(p: ChainParty): boolean {
  return p.role === 'crew_boss' || p.isIndividualOrUnqualified === true;
}

/**
 * The first run of unqualified parties going up the path: its last member, and the unit that
 * contracted work out to it (undefined when the chain stops there).
 */
function firstUnqualifiedRun(path: ChainParty[]): { unqualified: ChainParty; contracting?: ChainParty } | undefined {
  let unqualified: ChainParty | undefined;
  for (const p of path) {
    if (isUnqualified(p)) unqualified = p;
    else if (unqualified) return { unqualified, contracting: p };
  }
  return unqualified && { unqualified };
}

function validate(chain: HiringChain): { errors: LiabilityIssue[]; byId: Map<string, ChainParty> } {
  const errors: LiabilityIssue[] = [];
  const byId = new Map<string, ChainParty>();
  for (const p of chain.parties) {
    if (byId.has(p.id)) {
      errors.push({
        code: 'duplicate_party',
        message: `当事方编号重复：${p.id}`,
        messageEn: `Duplicate party id: ${p.id}`,
      });
    }
    byId.set(p.id, p);
  }
  if (!byId.has(chain.hiredWorker)) {
    errors.push({
      code: 'hirer_unknown',
      message: '请指明是谁直接招用了职工。',
      messageEn: 'Say which party hired the worker directly.',
    });
  }
  for (const p of chain.parties) {
    if (p.contractedBy !== undefined && !byId.has(p.contractedBy)) {
      errors.push({
        code: 'contractor_unknown',
        message: `“${p.name}”的发包方（${p.contractedBy}）不在名单中。`,
        messageEn: `The party that contracted work to “${p.name}” (${p.contractedBy}) is not listed.`,
      });
    }
    if (p.lentTo !== undefined && !byId.has(p.lentTo)) {
      errors.push({
        code: 'borrower_unknown',
        message: `借用“${p.name}”资质的一方（${p.lentTo}）不在名单中。`,
        messageEn: `The party using “${p.name}”’s qualification (${p.lentTo}) is not listed.`,
      });
    }
    if (p.role === 'developer' && p.contractedBy !== undefined) {
      errors.push({
        code: 'developer_has_contractor',
        message: '建设单位不应有发包方。',
        messageEn: 'A developer has no party above it.',
      });
    }
  }
  // Cycles in the contracting chain.
  for (const p of chain.parties) {
    const seen = new Set<string>();
    let cur: ChainParty | undefined = p;
    while (cur && cur.contractedBy !== undefined) {
      if (seen.has(cur.id)) {
        errors.push({
          code: 'cycle',
          message: '发包关系出现循环，请核对。',
          messageEn: 'The contracting chain loops; please check.',
        });
        return { errors, byId };
      }
      seen.add(cur.id);
      cur = byId.get(cur.contractedBy);
    }
  }
  return { errors, byId };
}

/** The worker's hirer followed by each party above it, up to the top of the chain. */
function pathUp(start: ChainParty, byId: Map<string, ChainParty>): ChainParty[] {
  const out: ChainParty[] = [];
  let cur: ChainParty | undefined = start;
  while (cur) {
    out.push(cur);
    cur = cur.contractedBy !== undefined ? byId.get(cur.contractedBy) : undefined;
  }
  return out;
}

export function proposeLiableParties(chain: HiringChain): LiabilityResult {
  const { errors, byId } = validate(chain);
  if (errors.length > 0) return { contactFirst: null, proposals: [], warnings: [], errors };

  const hirer = byId.get(chain.hiredWorker)!;
  const path = pathUp(hirer, byId);
  const proposals: LiabilityProposal[] = [];
  const warnings: LiabilityIssue[] = [];
  const add = (p: LiabilityProposal) => {
    if (!proposals.some((x) => x.partyId === p.partyId && x.basis === p.basis)) proposals.push(p);
  };
  const roleZh = (p: ChainParty) => CHAIN_ROLE_LABELS[p.role].zh;
  const crewBosses = path.filter((p) => p.role === 'crew_boss');

  // Art. 36 ¶2: a unit that lent its name pays.
  const lender = chain.parties.find(
    (p) => p.role === 'qualification_lender' && p.lentTo !== undefined && path.some((q) => q.id === p.lentTo),
  );
  if (lender) {
    const borrower = byId.get(lender.lentTo!)!;
    add({
      partyId: lender.id,
      partyName: lender.name,
      role: lender.role,
      rank: 'primary',
      duty: 'pay',
      basis: CITATIONS.art36p2,
      explanation: `“${borrower.name}”是借用“${lender.name}”的名义（资质）承揽的工程。出借名义的单位要为由此拖欠的工资买单，可以直接找它要钱。`,
      explanationEn: `“${borrower.name}” took on the work in “${lender.name}”’s name. A unit that lends its name pays the resulting wage arrears, so ask it directly.`,
      mayRecoverFrom: [borrower.id],
    });
  }

  const run = firstUnqualifiedRun(path);
  const gc = path.find((p) => p.role === 'general_contractor');
  if (run) {
    // Walk up past further unqualified parties to the unit that contracted work out to them.
    const { unqualified, contracting } = run;
    if (!contracting) {
      warnings.push({
        code: 'chain_incomplete',
        message: `请补充是哪个单位把工程包给了“${unqualified.name}”。`,
        messageEn: `Add the unit that contracted the work to “${unqualified.name}”.`,
      });
    } else if (contracting.role === 'developer' || contracting.role === 'general_contractor') {
      add({
        partyId: contracting.id,
        partyName: contracting.name,
        role: contracting.role,
        rank: 'primary',
        duty: 'pay',
        basis: CITATIONS.art36p1,
        explanation: `“${unqualified.name}”是个人（或没有合法经营资格的单位），不能合法招工。${roleZh(contracting)}“${contracting.name}”把活儿包给了他，按规定由“${contracting.name}”清偿拖欠的工资，之后它可以再向“${unqualified.name}”追偿。`,
        explanationEn: `“${unqualified.name}” is an individual (or an unqualified unit) and cannot lawfully employ workers. The ${CHAIN_ROLE_LABELS[contracting.role].en.toLowerCase()} “${contracting.name}” contracted the work to it, so “${contracting.name}” must pay the wages owed and may recover them afterwards.`,
        mayRecoverFrom: [unqualified.id],
      });
    } else if (contracting.role === 'subcontractor') {
      if (gc) {
        add({
          partyId: gc.id,
          partyName: gc.name,
          role: gc.role,
          rank: 'primary',
          duty: 'pay_first_then_recover',
          basis: contracting.contractType === 'transfer' ? CITATIONS.art30p4 : CITATIONS.art30p3,
          explanation: `分包单位“${contracting.name}”把活儿包给了个人“${unqualified.name}”，欠下的工资算分包单位的欠薪。分包单位欠薪的，由施工总承包单位“${gc.name}”先行清偿，再去向分包单位追偿。`,
          explanationEn: `The subcontractor “${contracting.name}” contracted the work to “${unqualified.name}”, so the arrears count as the subcontractor’s. The general contractor “${gc.name}” pays them first and recovers them from the subcontractor.`,
          mayRecoverFrom: [contracting.id],
        });
      }
      add({
        partyId: contracting.id,
        partyName: contracting.name,
        role: contracting.role,
        rank: gc ? 'secondary' : 'primary',
        duty: 'pay',
        basis: CITATIONS.art30p1,
        explanation: `分包单位“${contracting.name}”把活儿包给了没有用工资格的“${unqualified.name}”，要对这些工人的工资负直接责任。`,
        explanationEn: `The subcontractor “${contracting.name}” contracted the work to “${unqualified.name}”, who cannot employ workers, and is directly responsible for their wages.`,
        mayRecoverFrom: [unqualified.id],
      });
      if (!gc) {
        warnings.push({
          code: 'general_contractor_missing',
          message: '请补充施工总承包单位：分包单位欠薪的，由总承包单位先行清偿（第三十条）。',
          messageEn:
            'Add the general contractor: it pays a subcontractor’s arrears first (Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 30).',
        });
      }
    } else if (!lender) {
      warnings.push({
        code: 'contracting_party_unclear',
        message: `“${contracting.name}”（${roleZh(contracting)}）把活儿包给了“${unqualified.name}”，请核实其在工程中的地位。`,
        messageEn: `“${contracting.name}” contracted work to “${unqualified.name}”; check its place in the project.`,
      });
    }
  } else if (hirer.role === 'subcontractor') {
    if (gc) {
      add({
        partyId: gc.id,
        partyName: gc.name,
        role: gc.role,
        rank: 'primary',
        duty: 'pay_first_then_recover',
        basis: hirer.contractType === 'transfer' ? CITATIONS.art30p4 : CITATIONS.art30p3,
        explanation:
          hirer.contractType === 'transfer'
            ? `工程被转包给了“${hirer.name}”。转包工程拖欠工资的，由施工总承包单位“${gc.name}”先行清偿，再去追偿。`
            : `招用您的是分包单位“${hirer.name}”。分包单位欠薪的，由施工总承包单位“${gc.name}”先行清偿，再去向分包单位追偿。`,
        explanationEn:
          hirer.contractType === 'transfer'
            ? `The project was transferred to “${hirer.name}”. The general contractor “${gc.name}” pays the arrears first and recovers them.`
            : `You were hired by the subcontractor “${hirer.name}”. The general contractor “${gc.name}” pays a subcontractor’s arrears first and recovers them.`,
        mayRecoverFrom: [hirer.id],
      });
    } else {
      warnings.push({
        code: 'general_contractor_missing',
        message: '请补充施工总承包单位：分包单位欠薪的，由总承包单位先行清偿（第三十条）。',
        messageEn:
          'Add the general contractor: it pays a subcontractor’s arrears first (Regulations on Ensuring Payment of Wages to Migrant Workers (保障农民工工资支付条例) art. 30).',
      });
    }
    add({
      partyId: hirer.id,
      partyName: hirer.name,
      role: hirer.role,
      rank: gc ? 'secondary' : 'primary',
      duty: 'direct_employer',
      basis: CITATIONS.art30p1,
      explanation: `分包单位“${hirer.name}”招用了您，对您的工资负直接责任。`,
      explanationEn: `The subcontractor “${hirer.name}” hired you and is directly responsible for your wages.`,
    });
  } else if (hirer.role === 'general_contractor' || hirer.role === 'developer') {
    add({
      partyId: hirer.id,
      partyName: hirer.name,
      role: hirer.role,
      rank: 'primary',
      duty: 'direct_employer',
      basis: CITATIONS.employer,
      explanation: `是“${hirer.name}”直接招用了您，它就是您的用人单位，应当按月足额支付工资。`,
      explanationEn: `“${hirer.name}” hired you directly; it is your employer and must pay your wages in full every month.`,
    });
  }

  // Art. 29: the developer advances wages up to the project funds it has not paid.
  const developer = path.find((p) => p.role === 'developer') ?? chain.parties.find((p) => p.role === 'developer');
  if (developer && !proposals.some((p) => p.partyId === developer.id && p.rank === 'primary')) {
    if (chain.developerPaidProjectFunds === false) {
      add({
        partyId: developer.id,
        partyName: developer.name,
        role: developer.role,
        rank: 'secondary',
        duty: 'advance_up_to_unpaid_funds',
        basis: CITATIONS.art29,
        limit: 'unpaid_project_funds',
        explanation: `建设单位“${developer.name}”没有按合同付清工程款，工资因此被拖欠的，它要在没付清的工程款范围内先行垫付工资。`,
        explanationEn: `The developer “${developer.name}” has not paid the project funds as agreed; it must advance the wages owed, up to the funds it still owes.`,
      });
    } else if (chain.developerPaidProjectFunds === 'unknown') {
      add({
        partyId: developer.id,
        partyName: developer.name,
        role: developer.role,
        rank: 'secondary',
        duty: 'verify',
        basis: CITATIONS.art29,
        limit: 'unpaid_project_funds',
        explanation: `请向建设单位“${developer.name}”核实工程款是否已按合同拨付。没有付清的，它要在未结清的工程款范围内先行垫付工资。`,
        explanationEn: `Check with the developer “${developer.name}” whether it paid the project funds as agreed. If not, it must advance the wages up to the unpaid funds.`,
      });
    }
  }

  // The crew boss still owes the money.
  for (const boss of crewBosses) {
    if (chain.crewBossReachable) {
      add({
        partyId: boss.id,
        partyName: boss.name,
        role: boss.role,
        rank: 'secondary',
        duty: 'direct_debtor',
        basis: CITATIONS.debtor,
        explanation: `包工头“${boss.name}”是直接欠您工资的人，仍然可以找他要；上面的单位付款后也可以向他追偿。`,
        explanationEn: `The crew boss “${boss.name}” owes you the wages directly and can still be asked to pay; the units above may recover from him.`,
      });
    } else {
      warnings.push({
        code: 'crew_boss_unreachable',
        message: `包工头“${boss.name}”已联系不上。这不影响您的工资：依法应由把工程包给他的单位清偿。`,
        messageEn: `The crew boss “${boss.name}” cannot be reached. That does not affect your wages: the unit that contracted the work to him must pay.`,
      });
    }
  }

  if (proposals.length === 0 && warnings.length === 0) {
    warnings.push({
      code: 'no_liable_party',
      message: '根据现有信息无法确定应付款的一方，请补充发包关系。',
      messageEn: 'The chain as entered does not show who must pay; add who contracted work to whom.',
    });
  }

  const rankOrder = (p: LiabilityProposal) => (p.rank === 'primary' ? 0 : 1);
  const ordered = proposals
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rankOrder(a.p) - rankOrder(b.p) || a.i - b.i)
    .map((x) => x.p);
  return { contactFirst: ordered[0] ?? null, proposals: ordered, warnings, errors: [] };
}
