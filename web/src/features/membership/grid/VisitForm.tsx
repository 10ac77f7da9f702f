import { App, Button, Card, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { instantOfChinaTime, timeInChina } from '../../../../../contracts/dates';
import {
  VISIT_MAX_PHOTOS,
  VISIT_MAX_SITES,
  VISIT_PHOTO_MAX_BYTES,
  VISIT_PHOTO_TYPES,
} from '../../../../../contracts/membership/grid-limits';
import { applyFieldError, useErrorText } from '../../../app/errors';
import type { OrganiserSelf } from './types';
import { useLogVisit } from './useMyOrganising';

interface Values {
  visitedAt: string;
  place: string;
  workersMet: number;
  sites?: string[];
  areaId?: string;
  notes?: string;
}

type Self = NonNullable<OrganiserSelf['organiser']>;
const MB = VISIT_PHOTO_MAX_BYTES / 1024 / 1024;

/** Log a visit from the phone: when and where (the phone's position if allowed), whom, and photos. */
export function VisitForm({ organiser }: { organiser: Self }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [place, setPlace] = useState<{ lat: number; lng: number } | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const logVisit = useLogVisit();
  const required = [{ required: true, message: t('membershipGrid.required') }];
  const onlyArea = organiser.areas.length === 1 ? organiser.areas[0]!.id : undefined;

  const addPhotos = (files: FileList | null) => {
    const all = [...photos, ...Array.from(files ?? [])];
    if (all.length > VISIT_MAX_PHOTOS)
      void message.warning(t('membershipGrid.my.tooManyPhotos', { max: VISIT_MAX_PHOTOS }));
    setPhotos(all.slice(0, VISIT_MAX_PHOTOS));
    if (picker.current) picker.current.value = '';
  };

  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setPlace({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 }),
    );

  const submit = async (v: Values) => {
    try {
      const { failed } = await logVisit.mutateAsync({
        body: {
          visitedAt: instantOfChinaTime(v.visitedAt).toISOString(),
          place: v.place,
          workersMet: v.workersMet,
          sites: v.sites ?? [],
          areaId: v.areaId ?? null,
          notes: v.notes?.trim() || null,
          lat: place?.lat ?? null,
          lng: place?.lng ?? null,
        },
        photos,
      });
      for (const f of failed)
        void message.error(t('membershipGrid.my.photoFailed', { name: f.name, reason: text(f.error) }));
      void message.success(t('membershipGrid.my.saved'));
      form.resetFields();
      form.setFieldValue('visitedAt', timeInChina());
      setPhotos([]);
      setPlace(null);
    } catch (err) {
      if (!applyFieldError(form, err, text)) void message.error(text(err));
    }
  };

  return (
    <Card title={t('membershipGrid.my.visitTitle')} size="small">
      <Form<Values>
        form={form}
        name="visit"
        layout="vertical"
        autoComplete="off"
        // An organiser with one area logs its visits there unless they choose none.
        initialValues={{ visitedAt: timeInChina(), workersMet: 1, areaId: onlyArea }}
        onFinish={(v) => void submit(v)}
        data-testid="visit-form"
      >
        <Form.Item name="visitedAt" label={t('membershipGrid.my.visitedAt')} rules={required}>
          <Input type="datetime-local" max={timeInChina()} data-testid="visit-at" />
        </Form.Item>
        <Form.Item name="place" label={t('membershipGrid.my.place')} rules={required}>
          <Input maxLength={200} placeholder={t('membershipGrid.my.placeHint')} data-testid="visit-place" />
        </Form.Item>
        <Form.Item>
          <Button size="small" onClick={locate}>
            {t('membershipGrid.my.locate')}
          </Button>{' '}
          {place && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('membershipGrid.my.located', place)}
            </Typography.Text>
          )}
        </Form.Item>
        <Form.Item name="workersMet" label={t('membershipGrid.my.workersMet')} rules={required}>
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
            data-testid="visit-met"
          />
        </Form.Item>
        <Form.Item name="sites" label={t('membershipGrid.my.sites')} extra={t('membershipGrid.my.sitesHint')}>
          <Select
            mode="tags"
            open={false}
            maxCount={VISIT_MAX_SITES}
            tokenSeparators={[',', '，']}
            data-testid="visit-sites"
          />
        </Form.Item>
        {organiser.areas.length > 0 && (
          <Form.Item name="areaId" label={t('membershipGrid.my.area')}>
            <Select
              allowClear
              options={organiser.areas.map((a) => ({ value: a.id, label: a.name }))}
              data-testid="visit-area"
            />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('membershipGrid.my.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('membershipGrid.my.photos', { max: VISIT_MAX_PHOTOS, mb: MB })}>
          <input
            ref={picker}
            type="file"
            accept={VISIT_PHOTO_TYPES.join(',')}
            multiple
            style={{ display: 'none' }}
            onChange={(e) => addPhotos(e.target.files)}
            data-testid="visit-photos"
          />
          <Button onClick={() => picker.current?.click()} disabled={photos.length >= VISIT_MAX_PHOTOS}>
            {t('membershipGrid.my.addPhotos')}
          </Button>
          <div style={{ marginTop: 8 }}>
            {photos.map((f, i) => (
              <Tag
                key={`${f.name}-${i}`}
                closable
                onClose={() => setPhotos((all) => all.filter((_, j) => j !== i))}
                style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}
                data-testid="visit-photo-chosen"
              >
                {f.name}
              </Tag>
            ))}
          </div>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={logVisit.isPending} data-testid="visit-save">
          {t('membershipGrid.my.save')}
        </Button>
      </Form>
    </Card>
  );
}
