import type { BankResultGroup, BankResultLine } from './bank-results.js';
import { additionalInfo, child, children, textAt, type Refusal, type XmlNode } from './iso-xml.js';

/*
 * pain.002 (Customer Payment Status Report): the bank's answer to a payment file, per
 * transaction (TxInfAndSts), per payment-information block (OrgnlPmtInfAndSts) and for the whole
 * original message (OrgnlGrpInfAndSts). Versions 001.10 and 001.11 share the elements read here.
 */

export const PAIN002_VERSIONS = ['10', '11'];

/*
 * Status codes: ISO 20022 external code list ExternalPaymentTransactionStatus1Code (also used
 * for group and payment-information statuses). The product rule: accepted means the money goes
 * (ACCP accepted customer profile, ACSP settlement in process, ACSC settlement completed on the
 * debtor's account, ACCC completed on the creditor's account, ACWC accepted with change);
 * RJCT rejected, CANC cancelled before execution (both: the money did not go, the refund is
 * returned). The rest are steps on the way (RCVD received, ACTC technical checks passed, PDNG
 * pending, PART partly accepted: the transactions say which, …) and make no line.
 */
const PAID = new Set(['ACCP', 'ACSP', 'ACSC', 'ACCC', 'ACWC']);
const RETURNED = new Set(['RJCT', 'CANC']);
const NOT_FINAL = new Set(['RCVD', 'ACTC', 'ACFC', 'ACIS', 'ACPD', 'ACWP', 'PATC', 'PDNG', 'PRES', 'BLCK', 'PART']);

type Outcome = 'paid' | 'returned' | null;

function outcomeOf(status: string): Outcome | undefined {
  if (PAID.has(status)) return 'paid';
  if (RETURNED.has(status)) return 'returned';
  if (NOT_FINAL.has(status)) return null;
  return undefined;
}

/** The first status reason's code (`Rsn/Cd`, else the bank's own `Rsn/Prtry`) and its text. */
function reasonOf(node: XmlNode): { code: string | null; text: string | null } {
  const reason = children(node, 'StsRsnInf')[0];
  if (!reason) return { code: null, text: null };
  return {
    code: textAt(reason, 'Rsn', 'Cd') ?? textAt(reason, 'Rsn', 'Prtry'),
    text: additionalInfo(reason),
  };
}

function unknownStatus(status: string, where: { zh: string; en: string }): Refusal {
  return {
    ok: false,
    zh: `${where.zh}的状态“${status}”不是 ISO 20022 的付款状态代码，无法判断是否付款，整份文件未读取`,
    en: `${where.en}: status "${status}" is not an ISO 20022 payment status code; nothing in the file was read`,
  };
}

export interface Pain002Content {
  ok: true;
  messageId: string | null;
  lines: BankResultLine[];
  groups: BankResultGroup[];
}

/** Reads the body (`CstmrPmtStsRpt`) of a pain.002.001.10/11 message. */
export function readPain002(body: XmlNode): Pain002Content | Refusal {
  const lines: BankResultLine[] = [];
  const groups: BankResultGroup[] = [];
  const original = child(body, 'OrgnlGrpInfAndSts');
  const originalMessageId = textAt(original, 'OrgnlMsgId');
  if (!original || originalMessageId === null)
    return {
      ok: false,
      zh: 'pain.002 缺少原报文标识（OrgnlGrpInfAndSts/OrgnlMsgId），无法对应到付款文件',
      en: 'The pain.002 has no original message id (OrgnlGrpInfAndSts/OrgnlMsgId): it cannot be matched to a payment file',
    };

  const groupStatus = textAt(original, 'GrpSts');
  if (groupStatus !== null) {
    const outcome = outcomeOf(groupStatus);
    if (outcome === undefined)
      return unknownStatus(groupStatus, {
        zh: `原报文 ${originalMessageId} `,
        en: `Original message ${originalMessageId}`,
      });
    if (outcome)
      groups.push({ originalMessageId, originalPaymentInfoId: null, outcome, reasonCode: reasonOf(original).code });
  }

  let position = 0;
  for (const block of children(body, 'OrgnlPmtInfAndSts')) {
    const paymentInfoId = textAt(block, 'OrgnlPmtInfId');
    const blockStatus = textAt(block, 'PmtInfSts');
    if (blockStatus !== null) {
      const outcome = outcomeOf(blockStatus);
      if (outcome === undefined)
        return unknownStatus(blockStatus, {
          zh: `付款批次 ${paymentInfoId ?? ''} `,
          en: `Payment information block ${paymentInfoId ?? ''}`,
        });
      if (outcome) {
        if (paymentInfoId === null)
          return {
            ok: false,
            zh: `付款批次状态 ${blockStatus} 缺少批次标识（OrgnlPmtInfId）`,
            en: `A payment information status ${blockStatus} has no block id (OrgnlPmtInfId)`,
          };
        groups.push({
          originalMessageId,
          originalPaymentInfoId: paymentInfoId,
          outcome,
          reasonCode: reasonOf(block).code,
        });
      }
    }
    for (const transaction of children(block, 'TxInfAndSts')) {
      position += 1;
      const status = textAt(transaction, 'TxSts');
      if (status === null) continue;
      const outcome = outcomeOf(status);
      if (outcome === undefined)
        return unknownStatus(status, { zh: `第 ${position} 笔交易`, en: `Transaction ${position}` });
      if (!outcome) continue;
      const endToEndId = textAt(transaction, 'OrgnlEndToEndId');
      // A final status without the id would leave that payment to its block's or group's status.
      if (endToEndId === null)
        return {
          ok: false,
          zh: `第 ${position} 笔交易的状态为 ${status}，但缺少 OrgnlEndToEndId，无法对应到退费付款`,
          en: `Transaction ${position} has status ${status} but no OrgnlEndToEndId: it cannot be matched to a refund payment`,
        };
      const reason = reasonOf(transaction);
      lines.push({ endToEndId, outcome, reasonCode: reason.code, reasonText: reason.text, position });
    }
  }
  return { ok: true, messageId: textAt(body, 'GrpHdr', 'MsgId'), lines, groups };
}
