import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import type { RevealedResidentId } from './types';

/** Masked resident ID with a "Reveal" link that warns the action is audited before asking the server. */
export function RevealId({ personId, masked, allowed }: { personId: string; masked: string | null; allowed: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const showError = useShowError();
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!masked) return <>{t('common.none')}</>;
  const reveal = async () => {
    const ok = await modal.confirm({
      title: t('people.revealTitle'),
      content: t('people.revealWarning'),
      okText: t('people.revealOk'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const r = await api.post<RevealedResidentId>(`/api/people/${personId}/reveal-resident-id`);
      setFull(r.residentId);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4}>
      <span style={{ fontFamily: 'monospace' }}>{full ?? masked}</span>
      {allowed && !full && (
        <Button
          type="link"
          size="small"
          loading={busy}
          onClick={() => void reveal()}
          data-testid={`reveal-${personId}`}
        >
          {t('people.reveal')}
        </Button>
      )}
    </Space>
  );
}
