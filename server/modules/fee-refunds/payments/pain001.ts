import { errors } from '../../../core/errors.js';

/**
 * The refund batch as an ISO 20022 pain.001.001.10 file (CustomerCreditTransferInitiationV10), the
 * credit-transfer initiation a bank's corporate channel takes. One PmtInf per file: a batch is paid
 * from one debtor account on one date. Pure: the caller reads the batch; this only writes text.
 */

export interface PaymentAccount {
  name: string;
  /** 10–30 digits, kept as text: an account number may start with 0. */
  accountNo: string;
  /** The bank's CNAPS code (大额支付系统行号), 12 digits. */
  bankCode: string;
}

export interface PaymentInstruction {
  /** At most 35 characters of [A-Za-z0-9-]: the bank returns it in pain.002 and camt.054. */
  endToEndId: string;
  /** Integer fen, greater than 0. */
  amountFen: number;
  creditor: PaymentAccount;
  /** 用途, at most 140 characters. */
  purpose: string;
}

export interface PaymentBatchFile {
  messageId: string;
  paymentInfoId: string;
  createdAt: Date;
  /** YYYY-MM-DD */
  requestedExecutionDate: string;
  initiatingPartyName: string;
  debtor: PaymentAccount;
  instructions: PaymentInstruction[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.10';

/**
 * ISO 20022 External Code Sets, ExternalClearingSystemIdentification1Code: "CNAPS — CNAPS
 * Identifier, Bank Branch code used in China" (the ISO external code list, as reproduced e.g. at
 * docs.ripple.com …/supporting-info-definitions/externalclearingsystem, list of 27-Aug-2021).
 * The schema only bounds the code to 1–5 characters; the list gives its value.
 */
export const CNAPS_CLEARING_SYSTEM = 'CNAPS';

// Limits from the pain.001.001.10 schema: Max35Text, Max34Text (GenericAccountIdentification1/Id)
// and Max140Text (names, RmtInf/Ustrd). The schema counts characters, so a Chinese name of 140
// characters fits; JavaScript's .length counts UTF-16 units, hence codePointLength.
const MAX_ID = 35;
const MAX_TEXT = 140;
/** DecimalNumber and ActiveOrHistoricCurrencyAndAmount allow at most 18 digits in all. */
const MAX_TOTAL_DIGITS = 18;

const END_TO_END_ID = /^[A-Za-z0-9-]{1,35}$/;
const ACCOUNT_NO = /^\d{10,30}$/;
const CNAPS_CODE = /^\d{12}$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Characters XML 1.0 cannot carry at all (even escaped), and bidi overrides that would disguise a
// name on the bank's screen.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/u;

const codePointLength = (text: string) => Array.from(text).length;

function refuse(field: string, zh: string, en: string): never {
  throw errors.validation(field, `付款文件无法生成：${zh}`, `The payment file cannot be written: ${en}`);
}

function checkText(field: string, value: string, max: number): void {
  if (value.trim() === '') refuse(field, `${field} 为空`, `${field} is empty`);
  if (codePointLength(value) > max)
    refuse(field, `${field} 超过 ${max} 个字符`, `${field} is longer than ${max} characters`);
  if (UNSAFE_TEXT.test(value))
    refuse(field, `${field} 含有控制字符或隐藏字符`, `${field} contains control or hidden characters`);
}

function checkAccount(field: string, account: PaymentAccount): void {
  checkText(`${field}.name`, account.name, MAX_TEXT);
  if (!ACCOUNT_NO.test(account.accountNo))
    refuse(`${field}.accountNo`, `${field}.accountNo 须为 10–30 位数字`, `${field}.accountNo must be 10–30 digits`);
  if (!CNAPS_CODE.test(account.bankCode))
    refuse(
      `${field}.bankCode`,
      `${field}.bankCode 须为 12 位 CNAPS 行号`,
      `${field}.bankCode must be a 12-digit CNAPS code`,
    );
}

function checkDate(field: string, value: string): void {
  const m = CALENDAR_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value)
    refuse(field, `${field}“${value}”不是有效日期（YYYY-MM-DD）`, `${field} "${value}" is not a date (YYYY-MM-DD)`);
}

/** Checks the whole batch before a line is written: a bank rejects a file, not a line. */
export function checkPaymentBatch(file: PaymentBatchFile): void {
  checkText('messageId', file.messageId, MAX_ID);
  checkText('paymentInfoId', file.paymentInfoId, MAX_ID);
  checkText('initiatingPartyName', file.initiatingPartyName, MAX_TEXT);
  if (Number.isNaN(file.createdAt.getTime())) refuse('createdAt', 'createdAt 不是有效时间', 'createdAt is not a time');
  checkDate('requestedExecutionDate', file.requestedExecutionDate);
  checkAccount('debtor', file.debtor);
  if (file.instructions.length === 0) refuse('instructions', '批次中没有付款', 'the batch has no payments');
  const seen = new Set<string>();
  file.instructions.forEach((line, i) => {
    const at = `instructions[${i}]`;
    if (!END_TO_END_ID.test(line.endToEndId))
      refuse(
        `${at}.endToEndId`,
        `${at}.endToEndId 须为 1–35 个字母、数字或连字符`,
        `${at}.endToEndId must be 1–35 letters, digits or hyphens`,
      );
    // The bank reports each payment back by this id: two lines with one id could not be told apart.
    if (seen.has(line.endToEndId))
      refuse(`${at}.endToEndId`, `${at}.endToEndId 重复`, `${at}.endToEndId appears twice`);
    seen.add(line.endToEndId);
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0)
      refuse(
        `${at}.amountFen`,
        `${at}.amountFen 须为大于 0 的整数分`,
        `${at}.amountFen must be a whole number of fen above 0`,
      );
    checkAccount(`${at}.creditor`, line.creditor);
    checkText(`${at}.purpose`, line.purpose, MAX_TEXT);
  });
  if (yuanDigits(totalFen(file.instructions)) > MAX_TOTAL_DIGITS)
    refuse('instructions', '批次合计金额超出 18 位数字', 'the batch total has more than 18 digits');
}

/** Sums in bigint: fen are safe integers one by one, but a sum of many need not be. */
export function totalFen(instructions: readonly PaymentInstruction[]): bigint {
  return instructions.reduce((sum, line) => sum + BigInt(line.amountFen), 0n);
}

/** Yuan with exactly 2 decimals and no grouping ("0.01", "1234567.89"), from fen by integer division. */
export function yuanText(fen: number | bigint): string {
  const value = BigInt(fen);
  if (value < 0n) throw new RangeError(`negative fen: ${value}`);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

const yuanDigits = (fen: bigint) =>
  yuanText(fen)
    .replace('.', '')
    .replace(/^0+(?=\d)/, '').length;

/**
 * ISODateTime with the China Standard Time offset (UTC+8 all year, no daylight saving), so the bank
 * reads the same wall-clock time the staff saw: 2026-12-06T20:05:00+08:00.
 */
export function chinaDateTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text escaped for an element or an attribute: the five XML entities, nothing else. */
const esc = (text: string) => text.replace(SPECIAL, (c) => ENTITY[c]!);

const pad = (depth: number) => '  '.repeat(depth);
const leaf = (depth: number, name: string, text: string) => `${pad(depth)}<${name}>${esc(text)}</${name}>\n`;

const accountXml = (depth: number, a: PaymentAccount) =>
  `${pad(depth)}<Id>\n${pad(depth + 1)}<Othr>\n${leaf(depth + 2, 'Id', a.accountNo)}${pad(depth + 1)}</Othr>\n${pad(depth)}</Id>\n`;

const agentXml = (depth: number, a: PaymentAccount) =>
  `${pad(depth)}<FinInstnId>\n${pad(depth + 1)}<ClrSysMmbId>\n${pad(depth + 2)}<ClrSysId>\n` +
  `${leaf(depth + 3, 'Cd', CNAPS_CLEARING_SYSTEM)}${pad(depth + 2)}</ClrSysId>\n${leaf(depth + 2, 'MmbId', a.bankCode)}` +
  `${pad(depth + 1)}</ClrSysMmbId>\n${pad(depth)}</FinInstnId>\n`;

const wrap = (depth: number, name: string, inner: string) =>
  `${pad(depth)}<${name}>\n${inner}${pad(depth)}</${name}>\n`;

// Element order follows the schema's sequences (GroupHeader95, PaymentInstruction34,
// CreditTransferTransaction40); two spaces of indentation per level, one element per line.
function transactionXml(line: PaymentInstruction): string {
  return wrap(
    3,
    'CdtTrfTxInf',
    wrap(4, 'PmtId', leaf(5, 'EndToEndId', line.endToEndId)) +
      wrap(4, 'Amt', `${pad(5)}<InstdAmt Ccy="CNY">${yuanText(line.amountFen)}</InstdAmt>\n`) +
      wrap(4, 'CdtrAgt', agentXml(5, line.creditor)) +
      wrap(4, 'Cdtr', leaf(5, 'Nm', line.creditor.name)) +
      wrap(4, 'CdtrAcct', accountXml(5, line.creditor)) +
      wrap(4, 'RmtInf', leaf(5, 'Ustrd', line.purpose)),
  );
}

function headXml(file: PaymentBatchFile): string {
  const count = String(file.instructions.length);
  const sum = yuanText(totalFen(file.instructions));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${NAMESPACE}">\n${pad(1)}<CstmrCdtTrfInitn>\n` +
    wrap(
      2,
      'GrpHdr',
      leaf(3, 'MsgId', file.messageId) +
        leaf(3, 'CreDtTm', chinaDateTime(file.createdAt)) +
        leaf(3, 'NbOfTxs', count) +
        leaf(3, 'CtrlSum', sum) +
        wrap(3, 'InitgPty', leaf(4, 'Nm', file.initiatingPartyName)),
    ) +
    `${pad(2)}<PmtInf>\n` +
    leaf(3, 'PmtInfId', file.paymentInfoId) +
    // TRF: credit transfer (PaymentMethod3Code).
    leaf(3, 'PmtMtd', 'TRF') +
    leaf(3, 'NbOfTxs', count) +
    leaf(3, 'CtrlSum', sum) +
    // v10 wraps the date in a choice (DateAndDateTime2Choice): a date, not a date-time.
    wrap(3, 'ReqdExctnDt', leaf(4, 'Dt', file.requestedExecutionDate)) +
    wrap(3, 'Dbtr', leaf(4, 'Nm', file.debtor.name)) +
    wrap(3, 'DbtrAcct', accountXml(4, file.debtor)) +
    wrap(3, 'DbtrAgt', agentXml(4, file.debtor))
  );
}

const TAIL = `${pad(2)}</PmtInf>\n${pad(1)}</CstmrCdtTrfInitn>\n</Document>\n`;

/** Text pieces of about this many characters: few enough writes, never the whole file at once. */
const PIECE = 64 * 1024;

function* pieces(file: PaymentBatchFile): Generator<string> {
  let text = headXml(file);
  for (const line of file.instructions) {
    text += transactionXml(line);
    if (text.length >= PIECE) {
      yield text;
      text = '';
    }
  }
  yield text + TAIL;
}

/**
 * The document in pieces, for a batch of a province's month (hundreds of thousands of payments,
 * hundreds of megabytes of XML) to be streamed rather than built as one string. The whole batch
 * is checked first, so a refused batch fails before a byte is sent. The text is written here
 * rather than by a generic XML builder, which needs the whole tree and the whole string in memory;
 * the unit tests compare it with such a builder's output on random batches.
 */
export function pain001Pieces(file: PaymentBatchFile): Iterable<string> {
  checkPaymentBatch(file);
  return pieces(file);
}

export function pain001Xml(file: PaymentBatchFile): string {
  return [...pain001Pieces(file)].join('');
}
