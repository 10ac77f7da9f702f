import { Alert, Button, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorText } from '../../../app/errors';
import { OutlineMap } from '../map/OutlineMap';
import { useStationMap } from '../map/useStationMap';

/**
 * The finder's results on the city's map, on demand (a phone on a thin connection loads the
 * outlines only when asked). A tap on a station opens its page.
 */
export function FinderMap({ results }: { results: { code: string; regionCode: string }[] }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const navigate = useNavigate();
  const [shown, setShown] = useState(false);
  const regionCode = results[0]?.regionCode ?? null;
  const map = useStationMap(shown ? regionCode : null);
  const highlighted = useMemo(() => new Set(results.map((r) => r.code)), [results]);
  if (!regionCode) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <Button block onClick={() => setShown((v) => !v)} data-testid="finder-map-toggle">
        {shown ? t('stationsMap.hide') : t('stationsMap.show')}
      </Button>
      {shown &&
        (map.error ? (
          <Alert type="error" showIcon title={errText(map.error)} style={{ marginTop: 8 }} />
        ) : !map.data ? (
          <div style={{ marginTop: 8 }} aria-busy="true">
            <Typography.Text type="secondary">{t('stationsMap.loading')}</Typography.Text>
            <Skeleton active />
          </div>
        ) : (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('stationsMap.tapHint')}</Typography.Text>
            <OutlineMap
              areas={map.data.areas}
              stations={map.data.stations}
              highlighted={highlighted}
              onStation={(code) => void navigate(`/s/${encodeURIComponent(code)}`)}
              source={map.data.source}
              testId="finder-map"
            />
          </div>
        ))}
    </div>
  );
}
