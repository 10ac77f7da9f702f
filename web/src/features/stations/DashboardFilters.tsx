import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../app/components/RegionPicker';

interface Period {
  from?: string;
  to?: string;
}

/**
 * The region (the user's own until another is picked, within it) and the period: the days the
 * figures answered for until the user types others; they apply together with the button.
 */
export function DashboardFilters({
  regionCode,
  onRegion,
  shown,
  onPeriod,
}: {
  regionCode: string | null;
  onRegion: (code: string | null) => void;
  /** The period of the figures on the page. */
  shown: Period;
  onPeriod: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Period>({});
  const from = draft.from ?? shown.from ?? '';
  const to = draft.to ?? shown.to ?? '';
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        <div style={{ width: 260, maxWidth: '100%' }}>
          <RegionPicker value={regionCode} onChange={onRegion} placeholder={t('stations.dashboard.ownRegion')} />
        </div>
        <Input
          type="date"
          aria-label={t('stations.dashboard.from')}
          value={from}
          max={to || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          style={{ width: 160 }}
          data-testid="dash-from"
        />
        <Input
          type="date"
          aria-label={t('stations.dashboard.to')}
          value={to}
          min={from || undefined}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          style={{ width: 160 }}
          data-testid="dash-to"
        />
        <Button type="primary" onClick={() => onPeriod({ from: from || undefined, to: to || undefined })}>
          {t('stations.dashboard.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            onPeriod({});
          }}
        >
          {t('stations.dashboard.reset')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('stations.dashboard.periodHint')}
      </Typography.Text>
    </Flex>
  );
}
