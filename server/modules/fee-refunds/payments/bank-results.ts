import { CAMT054_VERSIONS, readCamt054 } from './camt054.js';
import { child, readIsoMessage } from './iso-xml.js';
import { PAIN002_VERSIONS, readPain002 } from './pain002.js';
import { decodeCsv, readResultCsv } from './result-csv.js';

/*
 * The bank's answers to a refund payment file, read without a database or clock: which payments
 * (by their ISO 20022 EndToEndId) were paid and which came back. The caller matches the lines and
 * groups to its payments; this module only reads the file.
 */

export type BankResultFormat = 'pain.002' | 'camt.054' | 'csv';

export interface BankResultLine {
  endToEndId: string;
  outcome: 'paid' | 'returned';
  reasonCode: string | null;
  reasonText: string | null;
  /** the row (CSV, header = row 1) or the entry number (XML), for error messages */
  position: number;
}

/** A status for a whole original message or payment-information block (pain.002 group/PmtInf level RJCT/ACCP/ACSC) */
export interface BankResultGroup {
  originalMessageId: string;
  originalPaymentInfoId: string | null;
  outcome: 'paid' | 'returned';
  reasonCode: string | null;
}

export type BankResultParse =
  | { ok: true; format: BankResultFormat; messageId: string | null; lines: BankResultLine[]; groups: BankResultGroup[] }
  | { ok: false; zh: string; en: string };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function versionList(message: string, versions: string[]): string {
  return versions.map((v) => `${message}.001.${v}`).join(', ');
}

function readXml(text: string): BankResultParse {
  const message = readIsoMessage(text);
  if (!message.ok) return message;
  const { identifier } = message;
  const supported =
    message.message === 'pain.002' ? PAIN002_VERSIONS : message.message === 'camt.054' ? CAMT054_VERSIONS : null;
  if (!supported)
    return {
      ok: false,
      zh: `这是 ${identifier} 报文，不是银行结果文件；请上传 pain.002（付款状态报告）或 camt.054（入账/出账通知）`,
      en: `This is a ${identifier} message, not a bank result file: upload a pain.002 (payment status report) or camt.054 (debit/credit notification)`,
    };
  // A national variant (e.g. the Swiss pain.002.001.03.ch.02) has its own namespace and rules.
  if (identifier !== `${message.message}.001.${message.version}` || !supported.includes(message.version))
    return {
      ok: false,
      zh: `不支持 ${identifier} 版本；可读取的版本：${versionList(message.message, supported)}，请向银行索取这些版本的文件`,
      en: `Version ${identifier} is not supported; readable versions: ${versionList(message.message, supported)}: ask the bank for one of them`,
    };
  if (!child(message.body, 'GrpHdr'))
    return {
      ok: false,
      zh: `${identifier} 报文缺少报文头（GrpHdr），文件不完整`,
      en: `The ${identifier} message has no group header (GrpHdr): the file is incomplete`,
    };
  if (message.message === 'pain.002') {
    const content = readPain002(message.body);
    return content.ok ? { ...content, format: 'pain.002' } : content;
  }
  return { ...readCamt054(message.body), format: 'camt.054', groups: [] };
}

/**
 * Reads a bank result file. The format is told by the content: XML (its first character, after
 * a UTF-8 BOM and white space, is `<`) by its root namespace, e.g.
 * `urn:iso:std:iso:20022:tech:xsd:pain.002.001.11`; anything else is read as CSV (UTF-8, with or
 * without BOM, or GBK/GB18030). Never throws: a file it cannot read gives the reason in Chinese
 * and English.
 */
export function parseBankResult(content: Buffer): BankResultParse {
  try {
    const body = content.subarray(0, 3).equals(UTF8_BOM) ? content.subarray(3) : content;
    const start = body.toString('latin1', 0, Math.min(body.length, 1024)).trimStart();
    if (start.startsWith('<')) {
      let text: string;
      try {
        // ISO 20022 messages are UTF-8 (their XML declaration says so).
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return { ok: false, zh: 'XML 文件不是 UTF-8 编码', en: 'The XML file is not UTF-8 encoded' };
      }
      return readXml(text);
    }
    const csv = readResultCsv(decodeCsv(content));
    return csv.ok ? { ok: true, format: 'csv', messageId: null, lines: csv.lines, groups: [] } : csv;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, zh: `无法读取该文件：${detail}`, en: `The file cannot be read: ${detail}` };
  }
}
