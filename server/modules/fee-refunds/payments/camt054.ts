import type { BankResultLine } from './bank-results.js';
import { additionalInfo, child, children, textAt, type XmlNode } from './iso-xml.js';

/*
 * camt.054 (Bank to Customer Debit/Credit Notification): what was actually booked on the union's
 * account. Versions 001.04 and 001.08 share the elements read here, except the entry status:
 * `<Sts>BOOK</Sts>` in 001.04, `<Sts><Cd>BOOK</Cd></Sts>` from 001.07 on (EntryStatus1Choice).
 */

export const CAMT054_VERSIONS = ['04', '08'];

/** ISO 20022's placeholder when the payer gave no end-to-end reference. */
const NO_REFERENCE = 'NOTPROVIDED';

function entryStatus(entry: XmlNode): string | null {
  return textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');
}

export interface Camt054Content {
  ok: true;
  messageId: string | null;
  lines: BankResultLine[];
}

/**
 * Reads the body (`BkToCstmrDbtCdtNtfctn`) of a camt.054: a booked debit with an EndToEndId is a
 * refund that left the account (paid); a booked credit with return information (RtrInf) is a
 * refund that came back (returned), its EndToEndId being the original payment's. Everything else
 * (pending or informational entries, incoming fees, entries without EndToEndId, reversals of a
 * credit) is not about a refund payment and is skipped. `position` is the entry's number (Ntry)
 * counted over the whole file.
 */
export function readCamt054(body: XmlNode): Camt054Content {
  const lines: BankResultLine[] = [];
  let position = 0;
  for (const notification of children(body, 'Ntfctn')) {
    for (const entry of children(notification, 'Ntry')) {
      position += 1;
      if (entryStatus(entry) !== 'BOOK') continue;
      const entryDirection = textAt(entry, 'CdtDbtInd');
      const reversal = textAt(entry, 'RvslInd') === 'true';
      for (const details of children(entry, 'NtryDtls')) {
        for (const transaction of children(details, 'TxDtls')) {
          const endToEndId = textAt(transaction, 'Refs', 'EndToEndId');
          if (endToEndId === null || endToEndId === NO_REFERENCE) continue;
          const direction = textAt(transaction, 'CdtDbtInd') ?? entryDirection;
          const returnInfo = child(transaction, 'RtrInf');
          if (direction === 'DBIT' && !reversal && !returnInfo) {
            lines.push({ endToEndId, outcome: 'paid', reasonCode: null, reasonText: null, position });
          } else if (direction === 'CRDT' && returnInfo) {
            lines.push({
              endToEndId,
              outcome: 'returned',
              reasonCode: textAt(returnInfo, 'Rsn', 'Cd') ?? textAt(returnInfo, 'Rsn', 'Prtry'),
              reasonText: additionalInfo(returnInfo),
              position,
            });
          }
        }
      }
    }
  }
  return { ok: true, messageId: textAt(body, 'GrpHdr', 'MsgId'), lines };
}
