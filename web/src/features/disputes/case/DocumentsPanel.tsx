import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../types';

export const DOCUMENT_KINDS = [
  'mediation-application',
  'negotiation-proposal',
  'mediation-agreement',
  'confirmation-application',
  'civil-ruling',
  'enforcement-application',
  'payment-order-application',
  'filing-package',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
    case 'enforcement-application':
      return !!s?.agreementEffectiveOn && !!s.rulingIssuedOn && !!s.enforcementAppliedOn;
    case 'payment-order-application':
      return !!s?.agreementEffectiveOn && !!s.paymentOrderAppliedOn;
    case 'filing-package':
      return !!s?.closure;
  }
}

/** Printable documents in PDF and DOCX, each enabled once the case has reached its stage. */
export function DocumentsPanel({ detail: d }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const closed = !!d.record.state?.closure;
  return (
    <Card title={t('disputes.documents.title')} size="small" data-testid="documents-panel">
      <Flex vertical gap={8}>
        {DOCUMENT_KINDS.map((kind) => {
          const ready = documentReady(kind, d);
          const link = (format: 'pdf' | 'docx') => (
            <Button
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
                {t(`disputes.documents.kinds.${kind}`)}
              </Typography.Text>
              <Tooltip title={ready ? undefined : t(`disputes.documents.notYet.${kind}`)}>
                <Flex gap={4}>
                  {link('pdf')}
                  {link('docx')}
                </Flex>
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
