import { Button, Card, Descriptions, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTRY_METHOD_LABELS, OCCUPATION_LABELS } from '../../../../../contracts/stations/codes';
import { formatDateTime } from '../../../app/format';
import { PassQr } from './PassQr';
import type { WorkerPass } from './publicApi';

/** The worker's pass: the QR the door scans, the door number, and the last visits. */
export function PassCard({ pass, onSignOut }: { pass: WorkerPass; onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  return (
    <Card data-testid="worker-pass" styles={{ body: { padding: 16 } }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('stationsPublic.pass.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('stationsPublic.pass.intro')}</Typography.Paragraph>
      <Flex justify="center" style={{ marginBottom: 12 }}>
        <PassQr text={pass.passCode} />
      </Flex>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('stationsPublic.form.name')}>{pass.name}</Descriptions.Item>
        <Descriptions.Item label={t('stationsPublic.form.phone')}>{pass.phoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('stationsPublic.form.occupation')}>
          {OCCUPATION_LABELS[pass.occupation][lang]}
        </Descriptions.Item>
        <Descriptions.Item label={t('stationsPublic.pass.pin')}>
          <span data-testid="pass-pin">{pass.pin}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('stationsPublic.pass.registeredAt', { station: pass.registeredStation.name })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('stationsPublic.pass.visits')}</Typography.Title>
      <List
        size="small"
        locale={{ emptyText: t('stationsPublic.pass.noVisits') }}
        dataSource={pass.visits}
        renderItem={(v) => (
          <List.Item>
            {formatDateTime(v.occurredAt)} · {v.stationName} · {ENTRY_METHOD_LABELS[v.method][lang]}
          </List.Item>
        )}
      />
      <Button type="link" onClick={onSignOut} style={{ paddingLeft: 0 }}>
        {t('stationsPublic.pass.signOut')}
      </Button>
    </Card>
  );
}
