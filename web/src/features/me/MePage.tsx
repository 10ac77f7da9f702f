import { Button, Card, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useErrorText } from '../../app/errors';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import type { Person } from '../people/types';
import './i18n';
import { meKeys } from './queryKeys';
import { PageHeading } from '../../app/components/PageHeading';

/** The worker's own page, laid out for phones first. */
export default function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const text = useErrorText();
  const [pwOpen, setPwOpen] = useState(false);
  // A missing record (404) is said on the page, not as an error toast.
  const record = useQuery({ queryKey: meKeys.person, queryFn: () => api.get<Person>('/api/me/person') });
  const person = record.data;
  const error = record.error;

  const dash = t('common.none');
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeading style={{ marginTop: 0 }}>{t('me.hello', { name: me.displayName })}</PageHeading>
      <Card title={t('me.record')} styles={{ body: { padding: 16 } }}>
        {error ? (
          <Result
            status={error instanceof ApiRequestError && error.status === 404 ? 'info' : 'warning'}
            subTitle={error instanceof ApiRequestError && error.status === 404 ? t('me.noRecord') : text(error)}
          />
        ) : !person ? (
          <Skeleton active />
        ) : (
          <>
            <Descriptions
              column={1}
              size="middle"
              styles={{ label: { width: 96 }, content: { wordBreak: 'break-all' } }}
            >
              <Descriptions.Item label={t('me.name')}>{person.name}</Descriptions.Item>
              <Descriptions.Item label={t('me.residentId')}>
                <span data-testid="me-resident-id" style={{ fontFamily: 'monospace' }}>
                  {person.residentIdMasked ?? dash}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('me.phone')}>{person.phone ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('me.sex')}>
                {person.sex ? t(`me.sexes.${person.sex}`) : dash}
              </Descriptions.Item>
              <Descriptions.Item label={t('me.birthDate')}>{person.birthDate ?? dash}</Descriptions.Item>
              <Descriptions.Item label={t('me.region')}>{person.regionName ?? person.regionCode}</Descriptions.Item>
              <Descriptions.Item label={t('me.occupation')}>{person.occupation ?? dash}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
              {t('me.privacy')}
            </Typography.Text>
          </>
        )}
      </Card>
      <Button block size="large" style={{ marginTop: 16, height: 48 }} onClick={() => setPwOpen(true)}>
        {t('auth.changePassword')}
      </Button>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </div>
  );
}
