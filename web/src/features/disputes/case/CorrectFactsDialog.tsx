import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectionInput } from '../../../../../contracts/disputes/corrections';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { claimValuesOf, claimsOf, employmentOf, employmentValuesOf, type IntakeValues } from '../intake/build';
import { EmploymentSection } from '../intake/EmploymentSection';
import type { CaseDetail } from '../types';
import { ReasonField } from './correction-parts';
import { useCaseChange } from './useCase';

type Values = Pick<IntakeValues, 'employment' | 'claims'> & { reason: string };

/**
 * Correcting the employment facts and the claims, with the intake's own fields: the whole block is
 * sent, the server records what differs. The clocks, totals and documents follow.
 */
export function CorrectFactsDialog({
  detail: d,
  open,
  onClose,
}: {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const send = useCaseChange(d.id, (body: CorrectionInput) =>
    api.post<CaseDetail>(`/api/disputes/${d.id}/corrections`, body),
  );
  const e = d.facts.employment;
  if (!e || !open) return null;
  const submit = async (v: Values) => {
    await send.mutateAsync({
      version: d.version,
      reason: v.reason.trim(),
      employment: employmentOf(v.employment),
      claims: claimsOf(v.claims),
    });
    onClose();
  };
  return (
    <FormModal<Values>
      open
      title={t('disputes.correct.factsTitle')}
      initialValues={{ employment: employmentValuesOf(e), claims: claimValuesOf(d.facts.claims) }}
      onCancel={onClose}
      onSubmit={submit}
      width={960}
      testId="correct-facts"
    >
      {d.analysis && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('disputes.correct.analysisNote')} />
      )}
      <EmploymentSection withSector={false} />
      <ReasonField />
    </FormModal>
  );
}
