import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiRequestError } from '../../../app/api';
import { ASKED_ONCE, useApiQuery } from '../../../app/query';
import '../../labor-law/calc.css';
import { disputesKeys } from '../queryKeys';
import './i18n';
import { caseToken, publicApi, type WorkerView } from './publicApi';
import { TrackLogin } from './TrackLogin';
import { WorkerCase } from './WorkerCase';
import { PageHeading } from '../../../app/components/PageHeading';

/** The worker's case by the tab's case token; a token the server no longer accepts is forgotten at once. */
async function loadTracked(token: string): Promise<WorkerView> {
  try {
    return await publicApi.tracked<WorkerView>('GET', '/track', token);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) caseToken.clear();
    throw err;
  }
}

/** The worker follows the case on the phone: case number + SMS code, then every step in plain words. */
export default function TrackPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => caseToken.get());
  // Asked once per token (ASKED_ONCE): never retried or refetched behind the worker's back.
  const view = useApiQuery(disputesKeys.tracked(token ?? ''), () => loadTracked(token ?? ''), {
    ...ASKED_ONCE,
    enabled: !!token,
  });
  const expired = view.error instanceof ApiRequestError && view.error.status === 401;
  const signedIn = !!token && !expired;

  const signOut = () => {
    caseToken.clear();
    queryClient.removeQueries({ queryKey: disputesKeys.trackedAll });
    setToken(null);
  };

  return (
    <div className="yz-calc" style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageHeading look={3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="track-title">
          {t('disputesPublic.track.title')}
        </PageHeading>
        {signedIn && (
          <Button type="link" onClick={signOut} data-testid="track-sign-out">
            {t('disputesPublic.track.signOut')}
          </Button>
        )}
      </Flex>
      {!signedIn ? (
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
      ) : !view.data ? (
        <Skeleton active />
      ) : (
        <WorkerCase
          view={view.data}
          token={token}
          onChange={(next) => {
            queryClient.setQueryData(disputesKeys.tracked(token), next);
            // A signature may bring the agreement into force: its download is asked about again.
            void queryClient.invalidateQueries({ queryKey: disputesKeys.trackedFiles(token) });
          }}
        />
      )}
    </div>
  );
}
