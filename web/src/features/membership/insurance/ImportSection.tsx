import type { QueryKey } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSURANCE_IMPORT_KIND } from '../../../../../contracts/membership/insurance-codes';
import { useShowError } from '../../../app/errors';
import { ImportHistory } from '../../imports/ImportHistory';
import '../../imports/i18n';
import { ImportSummary } from '../../imports/ImportSummary';
import { RejectedRows } from '../../imports/RejectedRows';
import { UploadCard } from '../../imports/UploadCard';
import { useImport } from '../../imports/useImport';
import { insuranceKeys } from './queryKeys';

/** What a committed or rolled-back insurance file changes. */
const CHANGES: readonly QueryKey[] = [insuranceKeys.coverage, insuranceKeys.expiring];

/**
 * The insurance file through the platform's import pipeline, with its parts: upload and template,
 * the check's progress and counts, the rejected rows, commit and rollback, and past imports.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const state = useImport(CHANGES);
  const showError = useShowError();
  const kind = state.kinds.find((k) => k.kind === INSURANCE_IMPORT_KIND);
  const detail = state.detail?.kind === INSURANCE_IMPORT_KIND ? state.detail : undefined;
  return (
    <section data-testid="insurance-import">
      <Typography.Title level={5}>{t('membershipInsurance.import.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('membershipInsurance.import.hint')}</Typography.Paragraph>
      <UploadCard
        kind={INSURANCE_IMPORT_KIND}
        uploading={state.upload.isPending}
        onUpload={(v) => void state.upload.mutateAsync(v).then(state.show, showError)}
      />
      {detail && (
        <>
          <ImportSummary
            detail={detail}
            busy={state.commit.isPending || state.rollback.isPending}
            onCommit={() => void state.commit.mutateAsync(detail.id).then(state.show, showError)}
            onRollback={() => void state.rollback.mutateAsync(detail.id).then(state.show, showError)}
          />
          <RejectedRows detail={detail} kind={kind} />
        </>
      )}
      <ImportHistory kind={INSURANCE_IMPORT_KIND} onOpen={state.open} />
    </section>
  );
}
