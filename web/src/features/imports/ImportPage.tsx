import type { QueryKey } from '@tanstack/react-query';
import { Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../../app/components/PageTitle';
import { useShowError } from '../../app/errors';
import './i18n';
import { ImportHistory } from './ImportHistory';
import { ImportSummary } from './ImportSummary';
import { RejectedRows } from './RejectedRows';
import { UploadCard } from './UploadCard';
import { useImport } from './useImport';

const NONE: readonly QueryKey[] = [];

/**
 * Bulk import: upload a file (of the kind the page was opened for, or one chosen here), follow
 * its check, read the rejected rows, then commit or later roll back; the kind's past imports below.
 */
export default function ImportPage(props: { kind?: string; invalidates?: readonly QueryKey[]; backTo?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const state = useImport(props.invalidates ?? NONE);
  const showError = useShowError();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const kindName = props.kind ?? state.detail?.kind ?? chosen;
  const kind = state.kinds.find((k) => k.kind === kindName);
  const title = kind
    ? `${t('imports.title')} · ${i18n.language === 'en' ? kind.title.en : kind.title.zh}`
    : t('imports.title');
  const detail = state.detail;
  return (
    <>
      <PageTitle
        title={title}
        extra={props.backTo && <Button onClick={() => void navigate(props.backTo!)}>{t('imports.back')}</Button>}
      />
      {!props.kind && (
        <Select
          placeholder={t('imports.chooseKind')}
          style={{ width: 240, marginBottom: 16 }}
          value={chosen}
          onChange={setChosen}
          options={state.kinds.map((k) => ({ value: k.kind, label: i18n.language === 'en' ? k.title.en : k.title.zh }))}
        />
      )}
      {kindName && (
        <UploadCard
          key={kindName}
          kind={kindName}
          uploading={state.upload.isPending}
          onUpload={(v) => void state.upload.mutateAsync(v).then(state.show, showError)}
        />
      )}
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
      {kindName && <ImportHistory kind={kindName} onOpen={state.open} />}
    </>
  );
}
