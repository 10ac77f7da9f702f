import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * Reading an ISO 20022 message safely: the bank's file is untrusted input. ISO 20022 messages
 * never carry a document type declaration, so any DOCTYPE or ENTITY declaration is refused before
 * parsing: no external entity can be fetched (XXE) and no entity can be expanded (billion laughs).
 * Only the five predefined XML entities and character references remain, decoded by the parser.
 */

/** A parsed element: text, attributes (`@_name`) and children by local name. */
export type XmlNode = { [name: string]: unknown };

export type Refusal = { ok: false; zh: string; en: string };

export interface IsoMessage {
  ok: true;
  /** The message name from the root's namespace, e.g. `pain.002` or `camt.054`. */
  message: string;
  /** The version part, e.g. `11` for pain.002.001.11. */
  version: string;
  /** The whole identifier, e.g. `pain.002.001.11` or `pain.002.001.03.ch.02` (a national variant). */
  identifier: string;
  /** The element under `Document`, e.g. `CstmrPmtStsRpt` (empty when it has no child elements). */
  body: XmlNode;
}

// Elements that may repeat in pain.002 and camt.054 (maxOccurs > 1 in the official schemas):
// always read as lists, so one occurrence and many are handled alike.
const REPEATED = new Set([
  'OrgnlPmtInfAndSts',
  'TxInfAndSts',
  'StsRsnInf',
  'AddtlInf',
  'Ntfctn',
  'Ntry',
  'NtryDtls',
  'TxDtls',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  // Identifiers stay text: an EndToEndId of digits must not become a (rounded) number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // A prefixed document (<doc:Document xmlns:doc="…">) reads like an unprefixed one.
  transformTagName: (name) => name.replace(/^[^:]*:/, ''),
  isArray: (name) => REPEATED.has(name),
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: 100,
});

const ISO_NAME = /\b([a-z]{4}\.\d{3})\.\d{3}\.(\d{2})((?:\.[a-z]{2}\.\d{2})?)/;

function refusal(zh: string, en: string): Refusal {
  return { ok: false, zh, en };
}

/** Reads the text of an XML message and tells which ISO 20022 message and version it is. */
export function readIsoMessage(text: string): IsoMessage | Refusal {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return refusal(
      '文件含有 DOCTYPE 或 ENTITY 声明，ISO 20022 报文不应包含，出于安全考虑不予读取',
      'The file has a DOCTYPE or ENTITY declaration, which an ISO 20022 message never has: refused for safety',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return refusal(
      `XML 格式错误（第 ${valid.err.line} 行）：${valid.err.msg}`,
      `The XML is malformed (line ${valid.err.line}): ${valid.err.msg}`,
    );
  const parsed: unknown = parser.parse(text);
  const document = child(parsed, 'Document');
  if (!document)
    return refusal('XML 文件的根元素不是 ISO 20022 报文的 Document', 'The XML root is not an ISO 20022 Document');
  const namespaces = Object.entries(document)
    .filter(([name]) => name === '@_xmlns' || name.startsWith('@_xmlns:'))
    .map(([, value]) => (typeof value === 'string' ? value : ''));
  const found = namespaces.map((ns) => ISO_NAME.exec(ns)).find((m) => m !== null);
  if (!found)
    return refusal(
      `无法识别的 XML 命名空间：${namespaces.join('、') || '（无）'}；应为 pain.002 或 camt.054 报文`,
      `Unknown XML namespace: ${namespaces.join(', ') || '(none)'}; expected a pain.002 or camt.054 message`,
    );
  const body = Object.entries(document).find(([name]) => !name.startsWith('@_'))?.[1];
  // An empty body (`<CstmrPmtStsRpt/>`) reads as no element: the message's reader refuses it.
  return {
    ok: true,
    message: found[1] ?? '',
    version: found[2] ?? '',
    identifier: found[0],
    body: isNode(body) ? body : {},
  };
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child element `name` of `node`, if it is an element. */
export function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const value = node[name];
  return isNode(value) ? value : undefined;
}

/** The repeated children `name` of `node` (always a list, see REPEATED). */
export function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const value = node[name];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isNode);
}

/** The text at a path of child elements, trimmed; null when absent or empty. */
export function textAt(node: unknown, ...path: string[]): string | null {
  let current: unknown = node;
  for (const name of path) {
    if (!isNode(current)) return null;
    current = current[name];
    if (Array.isArray(current)) current = current[0];
  }
  if (isNode(current)) current = current['#text'];
  if (typeof current !== 'string') return null;
  return current.trim() || null;
}

/** All `AddtlInf` lines of a status or return reason, joined; null when there are none. */
export function additionalInfo(node: unknown): string | null {
  if (!isNode(node)) return null;
  const value = node.AddtlInf;
  const lines = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
  return lines.length > 0 ? lines.join(' ') : null;
}
