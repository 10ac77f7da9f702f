import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { ASKED_ONCE, useApiQuery } from '../../../app/query';
import { disputesKeys } from '../queryKeys';
import {
  downloadWorkerDocument,
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  EVIDENCE_URL,
  loadWorkerFiles,
  uploadError,
  type WorkerDocument,
  type WorkerFiles,
} from './trackFiles';

const big = { height: 48, fontSize: 16 } as const;

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** What the worker uploaded and which papers are ready, asked with the tab's case token. */
export function useWorkerFiles(token: string) {
  return useApiQuery(disputesKeys.trackedFiles(token), () => loadWorkerFiles(token), ASKED_ONCE);
}

/** "下载调解协议" / "下载裁定书": shown only for the papers the case has. */
export function WorkerDocuments({ token }: { token: string }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const files = useWorkerFiles(token);
  const download = useMutation({ mutationFn: (doc: WorkerDocument) => downloadWorkerDocument(token, doc) });
  const docs = files.data?.documents;
  if (!docs || (!docs.agreement && !docs.ruling)) return null;
  const button = (doc: WorkerDocument, label: string) => (
    <Button
      block
      style={big}
      loading={download.isPending && download.variables === doc}
      onClick={() => download.mutate(doc)}
      data-testid={`track-download-${doc}`}
    >
      {label}
    </Button>
  );
  return (
    <Card title={t('disputesPublic.track.documents')} styles={{ body: { padding: 16 } }} data-testid="track-documents">
      <Flex vertical gap={10}>
        {docs.agreement && button('agreement', t('disputesPublic.track.downloadAgreement'))}
        {docs.ruling && button('ruling', t('disputesPublic.track.downloadRuling'))}
        {download.error && (
          <Alert
            type="error"
            showIcon
            title={`${t('disputesPublic.track.downloadFailed')}: ${errText(download.error)}`}
            data-testid="track-download-error"
          />
        )}
      </Flex>
    </Card>
  );
}

/**
 * Evidence from the phone: the camera or a photo, screenshot or PDF, with its progress; what the
 * worker sent so far (never the other side's files).
 */
export function WorkerEvidence({ token }: { token: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errText = useErrorText();
  const queryClient = useQueryClient();
  const files = useWorkerFiles(token);
  // Only the files on their way; the stored ones are the server's list.
  const [sending, setSending] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const v = files.data;

  return (
    <Card title={t('disputesPublic.track.files')} styles={{ body: { padding: 16 } }} data-testid="track-evidence">
      <Flex vertical gap={10}>
        {v && v.evidence.length === 0 && (
          <Typography.Text type="secondary">{t('disputesPublic.track.noEvidence')}</Typography.Text>
        )}
        {v?.evidence.map((e) => (
          <Flex key={e.id} justify="space-between" wrap gap={4} data-testid="track-evidence-item">
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{e.filename}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {size(e.sizeBytes)} · {t('disputesPublic.track.uploadedAt', { time: formatDateTime(e.uploadedAt) })}
            </Typography.Text>
          </Flex>
        ))}
        {v && !v.canUpload ? (
          <Alert
            type="info"
            showIcon
            title={t('disputesPublic.track.uploadClosed')}
            data-testid="track-upload-closed"
          />
        ) : (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('disputesPublic.track.filesHint')}
            </Typography.Text>
            <Upload
              name="file"
              action={EVIDENCE_URL}
              headers={{ 'x-case-token': token }}
              accept={EVIDENCE_ACCEPT}
              fileList={sending}
              showUploadList={{ showRemoveIcon: false }}
              styles={{ root: { display: 'block' }, trigger: { display: 'block' } }}
              beforeUpload={(file) => {
                setProblem(null);
                // A type the phone names: anything else the server judges by the bytes.
                if (file.type && !EVIDENCE_TYPES.includes(file.type)) {
                  setProblem(t('disputesPublic.track.wrongType', { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                if (file.size > EVIDENCE_MAX_BYTES) {
                  setProblem(t('disputesPublic.track.tooLarge', { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              onChange={({ file, fileList }) => {
                setSending(fileList.filter((f) => f.status === 'uploading'));
                if (file.status === 'done') {
                  queryClient.setQueryData<WorkerFiles>(disputesKeys.trackedFiles(token), file.response as WorkerFiles);
                  void message.success(t('disputesPublic.track.uploaded', { name: file.name }));
                } else if (file.status === 'error') {
                  const err = uploadError((file.error as { status?: number } | undefined)?.status, file.response);
                  const failed = t('disputesPublic.track.uploadFailed', { name: file.name });
                  setProblem(err ? `${failed}: ${errText(err)}` : failed);
                }
              }}
            >
              <Button type="primary" block style={big} disabled={!v} data-testid="track-upload">
                {t('disputesPublic.track.upload')}
              </Button>
            </Upload>
          </>
        )}
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            closable={{ onClose: () => setProblem(null) }}
            data-testid="track-upload-error"
          />
        )}
      </Flex>
    </Card>
  );
}
