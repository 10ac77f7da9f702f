import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATION_STATUS_LABELS, type StationStatus } from '../../../../contracts/stations/codes';
import { codeText } from './labels';

const STATUS_COLORS: Record<StationStatus, string> = { open: 'green', suspended: 'orange', closed: 'default' };

/** A station's status: open, suspended or closed. */
export function StatusTag({ status }: { status: StationStatus }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {codeText(STATION_STATUS_LABELS, status, i18n.language)}
    </Tag>
  );
}

/** Whether the station is open at this moment, by its hours on China's clock (the server's answer). */
export function OpenNowTag({ open }: { open: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={open ? 'success' : 'default'} data-open-now={open}>
      {open ? t('stations.openNowYes') : t('stations.openNowNo')}
    </Tag>
  );
}
