import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../../app/api';
import { ASKED_ONCE, useApiQuery } from '../../../app/query';
import { passToken, stationsPublicApi, stationsPublicKeys, type RegistrationForm, type WorkerPass } from './publicApi';

/** A session the server no longer accepts is forgotten at once, and the page asks for a code again. */
async function loadPass(token: string): Promise<WorkerPass> {
  try {
    return await stationsPublicApi.me(token);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) passToken.clear();
    throw err;
  }
}

/**
 * The worker's pass on the phone: the session kept from an earlier registration, the code texted
 * (with the wait before another), and registering or signing in with it. Sending and checking a
 * code spend something once: mutations, never retried.
 */
export function useWorkerPass() {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => passToken.get());
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [resendAt, now]);

  const opened = (pass: WorkerPass) => {
    if (!pass.token) return;
    passToken.set(pass.token);
    queryClient.setQueryData(stationsPublicKeys.me(pass.token), pass);
    setToken(pass.token);
  };
  const requestCode = useMutation({
    mutationFn: (phone: string) => stationsPublicApi.requestCode(phone),
    onSuccess: (r) => {
      setResendAt(Date.now() + r.resendAfterSec * 1000);
      setNow(Date.now());
    },
  });
  const register = useMutation({
    mutationFn: ({ station, form }: { station: string; form: RegistrationForm }) =>
      stationsPublicApi.register(station, form),
    onSuccess: opened,
  });
  const signIn = useMutation({
    mutationFn: (body: { phone: string; code: string }) => stationsPublicApi.signIn(body),
    onSuccess: opened,
  });
  const keep = (p: WorkerPass) => queryClient.setQueryData(stationsPublicKeys.me(token ?? ''), p);
  const setFace = useMutation({
    mutationFn: (photo: string) => stationsPublicApi.setFace(token ?? '', photo),
    onSuccess: keep,
  });
  const deleteFace = useMutation({ mutationFn: () => stationsPublicApi.deleteFace(token ?? ''), onSuccess: keep });
  const pass = useApiQuery(stationsPublicKeys.me(token ?? ''), () => loadPass(token ?? ''), {
    ...ASKED_ONCE,
    enabled: !!token,
  });
  const expired = pass.error instanceof ApiRequestError && pass.error.status === 401;

  return {
    pass: token && !expired ? pass.data : undefined,
    loadingPass: !!token && !expired && pass.isLoading,
    codeSent: requestCode.isSuccess,
    resendInSec: Math.max(0, Math.ceil((resendAt - now) / 1000)),
    requestCode,
    register,
    signIn,
    setFace,
    deleteFace,
    signOut: () => {
      passToken.clear();
      queryClient.removeQueries({ queryKey: stationsPublicKeys.all });
      setToken(null);
      requestCode.reset();
      register.reset();
      signIn.reset();
    },
  };
}

export type WorkerPassState = ReturnType<typeof useWorkerPass>;
