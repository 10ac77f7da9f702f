import { App, Button, Card, Flex, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth';
import { formatDateTime } from '../../../app/format';
import { WORKER_PROVIDER } from '../../../../../contracts/disputes/party-roles';
import { langOf, partyRoleLabel } from '../labels';
import type { CaseDetail } from '../types';
import { useReloadCase } from './useCase';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** Evidence: pictures and PDFs up to 10 MB, uploaded to the case file and opened from it. */
export function EvidencePanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [description, setDescription] = useState('');
  // The upload answers the stored file, not the case: the case is asked for again.
  const reloadCase = useReloadCase(d.id);

  return (
    <Card title={t('disputes.evidence.title')} size="small" data-testid="evidence-panel">
      <Flex vertical gap={8}>
        {d.evidence.length === 0 && <Typography.Text type="secondary">{t('disputes.evidence.none')}</Typography.Text>}
        {d.evidence.map((e) => (
          <Flex key={e.id} justify="space-between" wrap gap={8} data-testid="evidence-item">
            <span>
              <a href={`/api/disputes/${d.id}/evidence/${e.id}`} target="_blank" rel="noreferrer">
                {e.filename}
              </a>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {size(e.sizeBytes)} · {e.description ?? ''}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.uploadedBy === WORKER_PROVIDER ? partyRoleLabel('worker', langOf(i18n.language)) : e.uploadedBy} ·{' '}
              {formatDateTime(e.createdAt)}
            </Typography.Text>
          </Flex>
        ))}
        <Flex gap={8} wrap>
          <Input
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={200}
            placeholder={t('disputes.evidence.description')}
            style={{ maxWidth: 280 }}
          />
          <Upload
            name="file"
            action={`/api/disputes/${d.id}/evidence`}
            headers={{ 'x-csrf-token': me.csrfToken }}
            withCredentials
            data={description.trim() ? { description: description.trim() } : {}}
            accept={ACCEPTED.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              if (!ACCEPTED.includes(file.type)) {
                void message.error(t('disputes.evidence.wrongType'));
                return Upload.LIST_IGNORE;
              }
              if (file.size > MAX_BYTES) {
                void message.error(t('disputes.evidence.tooLarge'));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            onChange={({ file }) => {
              if (file.status === 'done') {
                void message.success(t('disputes.evidence.uploaded', { name: file.name }));
                setDescription('');
                reloadCase();
              } else if (file.status === 'error') {
                const body = file.response as { message?: string; messageEn?: string } | undefined;
                const reason = i18n.language === 'en' ? body?.messageEn : body?.message;
                void message.error(
                  reason ? `${t('disputes.evidence.failed')}: ${reason}` : t('disputes.evidence.failed'),
                );
              }
            }}
          >
            <Button data-testid="evidence-upload">{t('disputes.evidence.upload')}</Button>
          </Upload>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('disputes.evidence.hint')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
