import { csvText } from './imports.js';

/*
 * The bank's side in tests: result files as a bank writes them. The XML follows the official
 * schemas (pain.002.001.11, camt.054.001.08 in tests/fixtures/iso20022/; the tests check it).
 */

const CREATED_AT = '2026-12-01T09:30:00';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function reason(code: string | undefined, text: string | undefined, element: 'StsRsnInf' | 'RtrInf'): string {
  if (code === undefined && text === undefined) return '';
  const rsn = code === undefined ? '' : `<Rsn><Cd>${escapeXml(code)}</Cd></Rsn>`;
  const info = text === undefined ? '' : `<AddtlInf>${escapeXml(text)}</AddtlInf>`;
  return `<${element}>${rsn}${info}</${element}>`;
}

export interface Pain002Status {
  endToEndId: string;
  status: 'ACSC' | 'ACCP' | 'RJCT';
  reasonCode?: string;
  reasonText?: string;
}

/** A pain.002.001.11 payment status report: one payment-information block with a status per payment. */
export function pain002Xml(input: {
  messageId: string;
  originalMessageId: string;
  statuses: Pain002Status[];
  paymentInfoId?: string;
  groupStatus?: { status: 'ACSC' | 'ACCP' | 'RJCT' | 'PART'; reasonCode?: string };
}): string {
  const group = input.groupStatus
    ? `<GrpSts>${input.groupStatus.status}</GrpSts>${reason(input.groupStatus.reasonCode, undefined, 'StsRsnInf')}`
    : '';
  const transactions = input.statuses
    .map(
      (s) =>
        `<TxInfAndSts><OrgnlEndToEndId>${escapeXml(s.endToEndId)}</OrgnlEndToEndId><TxSts>${s.status}</TxSts>` +
        `${reason(s.reasonCode, s.reasonText, 'StsRsnInf')}</TxInfAndSts>`,
    )
    .join('');
  const block =
    input.statuses.length === 0
      ? ''
      : `<OrgnlPmtInfAndSts><OrgnlPmtInfId>${escapeXml(input.paymentInfoId ?? `${input.originalMessageId}-1`)}</OrgnlPmtInfId>${transactions}</OrgnlPmtInfAndSts>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt>' +
    `<GrpHdr><MsgId>${escapeXml(input.messageId)}</MsgId><CreDtTm>${CREATED_AT}</CreDtTm></GrpHdr>` +
    `<OrgnlGrpInfAndSts><OrgnlMsgId>${escapeXml(input.originalMessageId)}</OrgnlMsgId>` +
    `<OrgnlMsgNmId>pain.001.001.10</OrgnlMsgNmId>${group}</OrgnlGrpInfAndSts>` +
    `${block}</CstmrPmtStsRpt></Document>\n`
  );
}

export interface Camt054Entry {
  endToEndId: string;
  amountFen: number;
  kind: 'paid' | 'returned';
  reasonCode?: string;
  reasonText?: string;
}

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * A camt.054.001.08 notification on the union's account (a Chinese account number, so `Othr/Id`,
 * not an IBAN): a paid refund is a booked debit (bank transaction code PMNT/ICDT/DMCT, an issued
 * domestic credit transfer), a returned one a booked credit with RtrInf (PMNT/ICDT/RRTN).
 */
export function camt054Xml(input: { messageId: string; account: string; entries: Camt054Entry[] }): string {
  const entries = input.entries
    .map((e) => {
      const direction = e.kind === 'paid' ? 'DBIT' : 'CRDT';
      const amount = `<Amt Ccy="CNY">${yuan(e.amountFen)}</Amt>`;
      const code = `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>${e.kind === 'paid' ? 'DMCT' : 'RRTN'}</SubFmlyCd></Fmly></Domn></BkTxCd>`;
      const returned = e.kind === 'returned' ? reason(e.reasonCode, e.reasonText, 'RtrInf') : '';
      return (
        `<Ntry>${amount}<CdtDbtInd>${direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>${CREATED_AT.slice(0, 10)}</Dt></BookgDt>${code}` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>${escapeXml(e.endToEndId)}</EndToEndId></Refs>${amount}` +
        `<CdtDbtInd>${direction}</CdtDbtInd>${returned}</TxDtls></NtryDtls></Ntry>`
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>' +
    `<GrpHdr><MsgId>${escapeXml(input.messageId)}</MsgId><CreDtTm>${CREATED_AT}</CreDtTm></GrpHdr>` +
    `<Ntfctn><Id>${escapeXml(input.messageId)}-1</Id><CreDtTm>${CREATED_AT}</CreDtTm>` +
    `<Acct><Id><Othr><Id>${escapeXml(input.account)}</Id></Othr></Id><Ccy>CNY</Ccy></Acct>` +
    `${entries}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n`
  );
}

export interface BankResultRow {
  endToEndId: string;
  /** 成功 or 退回; any other text to test a refusal. */
  status: string;
  reason?: string;
}

/** The bank's result list as CSV text (header EndToEndId, 状态, 原因); encode it as the test needs. */
export function bankResultCsv(rows: BankResultRow[]): string {
  return csvText([['EndToEndId', '状态', '原因'], ...rows.map((r) => [r.endToEndId, r.status, r.reason ?? ''])]);
}
