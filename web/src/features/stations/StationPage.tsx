import { Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCan } from '../../app/auth';
import { useErrorText } from '../../app/errors';
import { AlarmRulesPanel } from './AlarmRulesPanel';
import { AlarmsPanel } from './AlarmsPanel';
import { DevicesPanel } from './DevicesPanel';
import './i18n';
import { LivePanel } from './LivePanel';
import { StationFigures } from './StationFigures';
import { StationForm } from './StationForm';
import { StationHeader } from './StationHeader';
import { SuggestionsPanel } from './SuggestionsPanel';
import { SuppliesPanel } from './SuppliesPanel';
import { useStation } from './useStation';
import { VisitsPanel } from './VisitsPanel';

/**
 * One station (/stations/:code): what it is, the station now with its alarms and the rules that raise
 * them, today's figures and QR, its door terminals, its visits live.
 */
export default function StationPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const errText = useErrorText();
  const manage = useCan()('stations:manage');
  const s = useStation(code);

  if (s.failed)
    return (
      <Result
        status="warning"
        title={errText(s.failed)}
        extra={<Link to="/stations">{t('stations.detail.back')}</Link>}
      />
    );
  if (!s.station) return <Skeleton active />;
  return (
    <Flex vertical gap={16} data-testid="station-page" data-version={s.station.version}>
      <StationHeader station={s.station} onEdit={manage ? s.edit : undefined} />
      <LivePanel live={s.live} />
      <AlarmsPanel live={s.live} />
      <AlarmRulesPanel station={s.station} canManage={manage} />
      <StationFigures station={s.station} qrHref={s.qrHref} />
      <DevicesPanel s={s} canManage={manage} />
      <VisitsPanel s={s} />
      <SuggestionsPanel code={s.station.code} />
      <SuppliesPanel code={s.station.code} canManage={manage} />
      {manage && <StationForm target={s.editing} onClose={s.closeEdit} />}
    </Flex>
  );
}
