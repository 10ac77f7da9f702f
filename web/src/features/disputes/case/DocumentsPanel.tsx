import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_FORMATS,
  DOCUMENT_KIND_CODES,
  DOCUMENT_KIND_LABELS,
  type DocumentFormat,
  type DocumentKind,
} from '../../../../../contracts/disputes/documents';
import { langOf } from '../labels';
import type { CaseDetail } from '../types';

/** Whether the case holds what a document needs (the server refuses it otherwise). */
export function documentReady(kind: DocumentKind, d: CaseDetail): boolean {
  const s = d.record.state;
  switch (kind) {
    case 'mediation-application':
      return true;
    case 'negotiation-proposal':
      return !!d.analysis;
    case 'mediation-agreement':
      return !!s?.agreementEffectiveOn;
    case 'confirmation-application':
      return !!s?.agreementEffectiveOn && !!s.confirmationAppliedOn;
    case 'civil-ruling':
      return !!s?.confirmationAppliedOn && !!(s.rulingIssuedOn || s.confirmationRefusedOn);
    case 'agreement-submission':
      return !!s?.agreementEffectiveOn && !!s.courtSubmission;
    case 'enforcement-application':
      return !!s?.agreementEffectiveOn && !!(s.rulingIssuedOn || s.mediationDocument) && !!s.enforcementAppliedOn;
    case 'payment-order-application':
      return !!s?.agreementEffectiveOn && !!s.paymentOrderAppliedOn;
    case 'filing-package':
      return !!s?.closure;
  }
}

/** Printable documents in PDF and DOCX, each enabled once the case has reached its stage. */
export function DocumentsPanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const closed = !!d.record.state?.closure;
  return (
    <Card title={t('disputes.documents.title')} size="small" data-testid="documents-panel">
      <Flex vertical gap={8}>
        {DOCUMENT_KIND_CODES.map((kind) => {
          const ready = documentReady(kind, d);
          const link = (format: DocumentFormat) => (
            <Button
              key={format}
              size="small"
              disabled={!ready}
              href={ready ? `/api/disputes/${d.id}/documents/${kind}?format=${format}` : undefined}
              data-testid={`doc-${kind}-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          );
          return (
            <Flex key={kind} justify="space-between" align="center" gap={8}>
              <Typography.Text type={ready ? undefined : 'secondary'}>
                {DOCUMENT_KIND_LABELS[kind][lang]}
              </Typography.Text>
              <Tooltip title={ready ? undefined : t(`disputes.documents.notYet.${kind}`)}>
                <Flex gap={4}>{DOCUMENT_FORMATS.map((format) => link(format))}</Flex>
              </Tooltip>
            </Flex>
          );
        })}
        {closed && (
          <Button
            size="small"
            href={`/api/disputes/${d.id}/filing-package`}
            target="_blank"
            data-testid="filing-package-json"
          >
            {t('disputes.documents.filingJson')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
