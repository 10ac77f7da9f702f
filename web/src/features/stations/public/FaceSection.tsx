import { Alert, Button, Checkbox, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import type { WorkerPassState } from './useWorkerPass';

/** A phone's photo made small enough for a door terminal: 480 px on its long side, as a JPEG. */
async function terminalJpeg(file: File): Promise<string> {
  const image = await createImageBitmap(file);
  const scale = Math.min(1, 480 / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('unreadable');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The optional face photo: only once the worker ticks the consent; deleted with one tap. */
export function FaceSection({ worker, hasFacePhoto }: { worker: WorkerPassState; hasFacePhoto: boolean }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const [consent, setConsent] = useState(false);
  const [unreadable, setUnreadable] = useState(false);
  const { setFace, deleteFace } = worker;
  const failed = setFace.error ?? deleteFace.error;
  const choose = (file: File) => {
    setUnreadable(false);
    terminalJpeg(file).then(
      (photo) => setFace.mutate(photo),
      () => setUnreadable(true),
    );
    return false;
  };
  return (
    <div data-testid="face-section">
      <Typography.Title level={5}>{t('stationsPublic.face.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('stationsPublic.face.intro')}
      </Typography.Paragraph>
      {failed && <Alert type="error" showIcon title={errText(failed)} style={{ marginBottom: 8 }} />}
      {unreadable && (
        <Alert type="error" showIcon title={t('stationsPublic.face.unreadable')} style={{ marginBottom: 8 }} />
      )}
      {hasFacePhoto ? (
        <Space direction="vertical">
          <Alert type="success" showIcon title={t('stationsPublic.face.saved')} data-testid="face-saved" />
          <Button danger loading={deleteFace.isPending} onClick={() => deleteFace.mutate()} data-testid="face-delete">
            {t('stationsPublic.face.delete')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical">
          {deleteFace.isSuccess && <Alert type="info" showIcon title={t('stationsPublic.face.deleted')} />}
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="face-consent">
            {t('stationsPublic.face.consent')}
          </Checkbox>
          <Upload accept="image/*" showUploadList={false} beforeUpload={choose} disabled={!consent}>
            <Button disabled={!consent} loading={setFace.isPending} data-testid="face-choose">
              {t('stationsPublic.face.choose')}
            </Button>
          </Upload>
        </Space>
      )}
    </div>
  );
}
