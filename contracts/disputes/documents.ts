// Browser-safe and zod-free (the case page imports it at run time): the documents a case file can
// be printed as. The builders, what each needs and the renderers are the server's
// (server/modules/disputes/documents).

/** The kinds of document, in the order a case reaches them (the filing package when it closes). */
export const DOCUMENT_KIND_CODES = [
  'mediation-application',
  'negotiation-proposal',
  'mediation-agreement',
  'confirmation-application',
  'civil-ruling',
  'agreement-submission',
  'enforcement-application',
  'payment-order-application',
  'filing-package',
] as const;
export type DocumentKind = (typeof DOCUMENT_KIND_CODES)[number];

/** Each kind's title: the Chinese one is the document's own, and its download's file name. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, { zh: string; en: string }> = {
  'mediation-application': { zh: '劳动争议调解申请书', en: 'Mediation application' },
  'negotiation-proposal': { zh: '调解建议书（协商方案）', en: 'Negotiation proposal' },
  'mediation-agreement': { zh: '调解协议书', en: 'Mediation agreement' },
  'confirmation-application': { zh: '司法确认申请书', en: 'Application for judicial confirmation' },
  'civil-ruling': { zh: '民事裁定书', en: 'Civil ruling (judicial confirmation)' },
  'agreement-submission': { zh: '调解协议提交函', en: 'Letter submitting the agreement to the court' },
  'enforcement-application': { zh: '强制执行申请书', en: 'Application for enforcement' },
  'payment-order-application': { zh: '支付令申请书', en: 'Application for a payment order' },
  'filing-package': { zh: '案件材料包', en: 'Case filing package' },
};

/** GET /api/disputes/:id/documents/:kind?format=…, PDF first. */
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
