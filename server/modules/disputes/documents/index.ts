/**
 * Dispute documents: Chinese, printable, as DOCX and PDF, from a plain `CaseDocumentData` object.
 *
 *   const pdf = await renderDocument('mediation-agreement', data, 'pdf');
 *
 * Each kind has a builder that returns a neutral `DocumentModel`; the DOCX and PDF renderers draw
 * that model, so every layout is written once.
 */
import {
  DOCUMENT_KIND_LABELS,
  type DocumentFormat,
  type DocumentKind,
} from '../../../../contracts/disputes/documents.js';
import { agreementSubmission } from './builders/agreement-submission.js';
import { civilRuling } from './builders/civil-ruling.js';
import { confirmationApplication } from './builders/confirmation-application.js';
import { enforcementApplication } from './builders/enforcement-application.js';
import { filingPackage } from './builders/filing-package.js';
import { mediationAgreement } from './builders/mediation-agreement.js';
import { mediationApplication } from './builders/mediation-application.js';
import { negotiationProposal } from './builders/negotiation-proposal.js';
import { paymentOrderApplication } from './builders/payment-order-application.js';
import type { DocumentModel } from '../../../core/documents/model.js';
import { renderDocx } from '../../../core/documents/render-docx.js';
import { renderPdf } from '../../../core/documents/render-pdf.js';
import type { CaseDocumentData } from './types.js';

// The kinds, their titles and the formats are shared with the web (contracts/disputes/documents.ts).
export type { DocumentFormat, DocumentKind };

export interface DocumentKindInfo {
  kind: DocumentKind;
  zh: string;
  en: string;
  /** the data a document of this kind needs besides parties, claims, facts and issues */
  requires: (keyof CaseDocumentData)[];
  formats: DocumentFormat[];
}

/** What each kind needs and the formats it comes in; the titles are the contracts'. */
const NEEDS: readonly Omit<DocumentKindInfo, 'zh' | 'en'>[] = [
  { kind: 'mediation-application', requires: ['application'], formats: ['docx', 'pdf'] },
  { kind: 'negotiation-proposal', requires: ['proposal'], formats: ['docx', 'pdf'] },
  { kind: 'mediation-agreement', requires: ['agreement'], formats: ['docx', 'pdf'] },
  { kind: 'confirmation-application', requires: ['agreement', 'confirmation'], formats: ['docx', 'pdf'] },
  { kind: 'civil-ruling', requires: ['agreement', 'confirmation', 'ruling'], formats: ['docx', 'pdf'] },
  { kind: 'filing-package', requires: ['routing'], formats: ['pdf', 'docx'] },
  // The title is the confirmation ruling or the court's mediation document: the builder checks which.
  { kind: 'enforcement-application', requires: ['agreement', 'enforcement'], formats: ['docx', 'pdf'] },
  { kind: 'payment-order-application', requires: ['agreement', 'paymentOrder'], formats: ['docx', 'pdf'] },
  { kind: 'agreement-submission', requires: ['agreement', 'courtSubmission'], formats: ['docx', 'pdf'] },
];

export const DOCUMENT_KINDS: readonly DocumentKindInfo[] = NEEDS.map((k) => ({
  ...k,
  ...DOCUMENT_KIND_LABELS[k.kind],
}));

const BUILDERS: Record<DocumentKind, (d: CaseDocumentData) => DocumentModel> = {
  'mediation-application': mediationApplication,
  'negotiation-proposal': negotiationProposal,
  'mediation-agreement': mediationAgreement,
  'confirmation-application': confirmationApplication,
  'civil-ruling': civilRuling,
  'filing-package': filingPackage,
  'enforcement-application': enforcementApplication,
  'payment-order-application': paymentOrderApplication,
  'agreement-submission': agreementSubmission,
};

export const isDocumentKind = (k: string): k is DocumentKind => Object.hasOwn(BUILDERS, k);

/** The neutral model of a document (throws DocumentDataError when the data lacks what it needs). */
export function buildDocument(kind: DocumentKind, data: CaseDocumentData): DocumentModel {
  const build = BUILDERS[kind];
  if (!build) throw new RangeError(`unknown document kind: ${String(kind)}`);
  return build(data);
}

export async function renderDocument(
  kind: DocumentKind,
  data: CaseDocumentData,
  format: DocumentFormat,
): Promise<Buffer> {
  const model = buildDocument(kind, data);
  if (format === 'pdf') return renderPdf(model);
  if (format === 'docx') return renderDocx(model);
  throw new RangeError(`unknown format: ${String(format)}`);
}

export const DOCUMENT_MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A download file name: 调解协议书-中总工调〔2025〕0123号.pdf (characters unsafe in file names replaced). */
export function documentFileName(kind: DocumentKind, data: CaseDocumentData, format: DocumentFormat): string {
  const info = DOCUMENT_KINDS.find((k) => k.kind === kind);
  const title = kind === 'civil-ruling' ? '民事裁定书' : (info?.zh ?? kind).replace(/（.*）/u, '');
  const number = kind === 'civil-ruling' && data.ruling ? data.ruling.number : data.caseNumber;
  return `${title}-${number}.${format}`.replace(/[\\/:*?"<>|\s]/g, '_');
}

export {
  amountInChineseCapitals,
  formatAmount,
  formatYuan,
  formatDate,
  formatDateInChineseNumerals,
} from './format.js';
export { DocumentDataError } from './builders/common.js';
export type { DocumentModel, Block, Run } from '../../../core/documents/model.js';
export type * from './types.js';
