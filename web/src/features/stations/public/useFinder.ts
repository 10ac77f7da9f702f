import { useState } from 'react';
import type { StationFacility } from '../../../../../contracts/stations/codes';
import { useApiQuery } from '../../../app/query';
import { stationsPublicApi, stationsPublicKeys, type NearbyParams } from './publicApi';

type Position = { lat: number; lng: number } | null;

/**
 * The finder's state: the phone's position (GPS, WGS-84: the server moves it onto the stations'
 * GCJ-02), the filters, and the nearest stations as a query keyed by all of them.
 */
export function useFinder() {
  const [position, setPosition] = useState<Position>(null);
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const [openNow, setOpenNow] = useState(true);
  const [facilities, setFacilities] = useState<StationFacility[]>([]);
  // A typed place, for a phone that does not give its position (or a rider planning ahead).
  const [place, setPlace] = useState('');

  const params: NearbyParams | null = position ? { ...position, datum: 'WGS-84', openNow, facilities } : null;
  const nearby = useApiQuery(stationsPublicKeys.nearby(params), () => stationsPublicApi.nearby(params!), {
    enabled: !!params,
  });

  const byPlace = useApiQuery(
    stationsPublicKeys.search(place, openNow),
    () => stationsPublicApi.search(place, openNow),
    {
      enabled: !!place,
    },
  );

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setFailed(true);
      return;
    }
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setPlace('');
        setPosition({ lat: p.coords.latitude, lng: p.coords.longitude });
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const searchPlace = (text: string) => {
    setPosition(null);
    setPlace(text.trim());
  };
  return {
    position,
    locating,
    failed,
    locate,
    openNow,
    setOpenNow,
    facilities,
    setFacilities,
    nearby,
    place,
    searchPlace,
    byPlace,
  };
}
