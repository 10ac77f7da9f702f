import { App, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { PassQr } from '../../stations/public/PassQr';
import { visitPhotoHref } from './queryKeys';
import { useShowError } from '../../../app/errors';
import { useMyVisits, useRemoveVisitPhoto } from './useMyOrganising';
import type { Visit } from './types';

/**
 * The organiser's visits, newest first, with their photos as thumbnails; each visit's own joining
 * QR (the organiser's link with the visit), so the joins made on the spot are credited to it.
 */
export function MyVisits({ joinUrl }: { joinUrl: string | null }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [qrOf, setQrOf] = useState<string | null>(null);
  const visits = useMyVisits(page);
  const removePhoto = useRemoveVisitPhoto();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Card title={t('membershipGrid.my.visitsTitle')} size="small">
      <List<Visit>
        dataSource={visits.page?.items ?? []}
        loading={visits.loading}
        locale={{ emptyText: t('membershipGrid.my.noVisits') }}
        pagination={
          (visits.page?.total ?? 0) > visits.pageSize
            ? {
                current: page,
                pageSize: visits.pageSize,
                total: visits.page?.total ?? 0,
                onChange: setPage,
                size: 'small',
                simple: true,
              }
            : false
        }
        data-testid="my-visits"
        renderItem={(v) => (
          <List.Item data-testid="my-visit">
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                  {v.place}
                </Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(v.visitedAt)}</Typography.Text>
              </Flex>
              <Flex gap={4} wrap>
                <Tag color="blue">{t('membershipGrid.my.met', { count: v.workersMet })}</Tag>
                {v.areaName && <Tag>{v.areaName}</Tag>}
                {v.sites.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Flex>
              {joinUrl && (
                <Button
                  size="small"
                  onClick={() => setQrOf(qrOf === v.id ? null : v.id)}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="my-visit-qr-toggle"
                >
                  {qrOf === v.id ? t('membershipGrid.my.visitQrHide') : t('membershipGrid.my.visitQr')}
                </Button>
              )}
              {joinUrl && qrOf === v.id && (
                <div style={{ textAlign: 'center' }} data-testid="my-visit-qr" data-link={`${joinUrl}&v=${v.id}`}>
                  <PassQr text={`${joinUrl}&v=${v.id}`} size={200} />
                </div>
              )}
              {v.photos.length > 0 && (
                <Flex gap={6} wrap aria-label={t('membershipGrid.my.photoCount', { count: v.photos.length })}>
                  {v.photos.map((p) => (
                    <Popconfirm
                      key={p.id}
                      title={t('membershipGrid.my.removePhoto')}
                      okText={t('membershipGrid.my.removePhotoOk')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, loading: removePhoto.isPending }}
                      onConfirm={() =>
                        removePhoto.mutate(
                          { visitId: v.id, photoId: p.id },
                          {
                            onSuccess: () => void message.success(t('membershipGrid.my.photoRemoved')),
                            onError: showError,
                          },
                        )
                      }
                    >
                      <img
                        src={visitPhotoHref(v.id, p.id)}
                        alt={t('membershipGrid.my.photoAlt')}
                        width={56}
                        height={56}
                        role="button"
                        tabIndex={0}
                        style={{ objectFit: 'cover', borderRadius: 4, cursor: 'pointer' }}
                        data-testid="my-visit-photo"
                      />
                    </Popconfirm>
                  ))}
                </Flex>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
