import { Button, Flex, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiRequestError } from '../../../app/api';
import { useShowError } from '../../../app/errors';
import '../../labor-law/calc.css';
import './i18n';
import { caseToken, publicApi, type WorkerView } from './publicApi';
import { TrackLogin } from './TrackLogin';
import { WorkerCase } from './WorkerCase';

/** The worker follows the case on the phone: case number + SMS code, then every step in plain words. */
export default function TrackPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const location = useLocation();
  const [token, setToken] = useState<string | null>(() => caseToken.get());
  const [view, setView] = useState<WorkerView | null>(null);

  const signOut = useCallback(() => {
    caseToken.clear();
    setToken(null);
    setView(null);
  }, []);

  useEffect(() => {
    if (!token) return;
    let live = true;
    publicApi
      .tracked<WorkerView>('GET', '/track', token)
      .then((v) => live && setView(v))
      .catch((err) => {
        if (!live) return;
        if (err instanceof ApiRequestError && err.status === 401) signOut();
        showError(err);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  return (
    <div className="yz-calc" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="track-title">
          {t('disputesPublic.track.title')}
        </Typography.Title>
        {token && (
          <Button type="link" onClick={signOut} data-testid="track-sign-out">
            {t('disputesPublic.track.signOut')}
          </Button>
        )}
      </Flex>
      {!token ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
            {t('disputesPublic.track.intro')}
          </Typography.Paragraph>
          <TrackLogin
            initial={location.state as { caseNumber?: string; phone?: string } | undefined}
            onToken={(tk) => {
              caseToken.set(tk);
              setToken(tk);
            }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
            {t('disputesPublic.track.noCase')} <Link to="/apply">{t('disputesPublic.track.applyLink')}</Link>
          </Typography.Paragraph>
        </>
      ) : !view ? (
        <Skeleton active />
      ) : (
        <WorkerCase view={view} token={token} onChange={setView} />
      )}
    </div>
  );
}
