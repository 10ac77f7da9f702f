import { Alert, Button, Checkbox, Empty, Flex, Input, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FACILITY_LABELS, STATION_FACILITIES } from '../../../../../contracts/stations/codes';
import { PageHeading } from '../../../app/components/PageHeading';
import { useErrorText } from '../../../app/errors';
import './i18n';
import { FinderMap } from './FinderMap';
import { StationCard } from './StationCard';
import { useFinder } from './useFinder';

/** A rider finds the nearest open station on a phone, with no account. */
export default function FinderPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const errText = useErrorText();
  const finder = useFinder();
  const { nearby } = finder;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeading look={3} style={{ marginTop: 0 }}>
        {t('stationsPublic.finder.title')}
      </PageHeading>
      <Typography.Paragraph type="secondary">{t('stationsPublic.finder.intro')}</Typography.Paragraph>
      <Button
        type="primary"
        block
        size="large"
        loading={finder.locating}
        onClick={finder.locate}
        data-testid="finder-locate"
      >
        {finder.locating ? t('stationsPublic.finder.locating') : t('stationsPublic.finder.locate')}
      </Button>
      <Input.Search
        placeholder={t('stationsPublic.finder.placePlaceholder')}
        enterButton={t('stationsPublic.finder.placeSearch')}
        size="large"
        allowClear
        onSearch={finder.searchPlace}
        style={{ marginTop: 12 }}
        data-testid="finder-place"
      />
      {finder.failed && (
        <Alert type="warning" showIcon title={t('stationsPublic.finder.locateFailed')} style={{ marginTop: 12 }} />
      )}
      <Flex align="center" gap={8} style={{ margin: '12px 0' }}>
        <Switch checked={finder.openNow} onChange={finder.setOpenNow} data-testid="finder-open-now" />
        {t('stationsPublic.finder.openNow')}
      </Flex>
      <Typography.Text type="secondary">{t('stationsPublic.finder.facilities')}</Typography.Text>
      <Checkbox.Group
        value={finder.facilities}
        onChange={(v) => finder.setFacilities(v)}
        options={STATION_FACILITIES.map((f) => ({ value: f, label: FACILITY_LABELS[f][lang] }))}
        style={{ margin: '4px 0 12px' }}
      />
      {nearby.error && <Alert type="error" showIcon title={errText(nearby.error)} />}
      {finder.byPlace.error && <Alert type="error" showIcon title={errText(finder.byPlace.error)} />}
      {finder.place &&
        finder.byPlace.data &&
        (finder.byPlace.data.items.length === 0 ? (
          <Empty description={t('stationsPublic.finder.empty')} />
        ) : (
          <Flex vertical gap={8} data-testid="finder-place-results">
            {finder.byPlace.data.items.map((s) => (
              <StationCard key={s.code} station={s} link />
            ))}
            <FinderMap results={finder.byPlace.data.items} />
          </Flex>
        ))}
      {finder.position && !nearby.data && !nearby.error && <Skeleton active />}
      {nearby.data &&
        (nearby.data.items.length === 0 ? (
          <Empty description={t('stationsPublic.finder.empty')} />
        ) : (
          <Flex vertical gap={8} data-testid="finder-results">
            {nearby.data.items.map((s) => (
              <StationCard key={s.code} station={s} link />
            ))}
            <FinderMap results={nearby.data.items} />
          </Flex>
        ))}
    </div>
  );
}
