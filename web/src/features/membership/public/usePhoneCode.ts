import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { membershipPublicApi } from './publicApi';

/**
 * A code texted to the phone, with the wait the server names before another may be asked for.
 * Sending spends an SMS: a mutation, never retried.
 */
export function usePhoneCode() {
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [resendAt, now]);
  const requestCode = useMutation({
    mutationFn: (phone: string) => membershipPublicApi.requestCode(phone),
    onSuccess: (r) => {
      setResendAt(Date.now() + r.resendAfterSec * 1000);
      setNow(Date.now());
    },
  });
  return { requestCode, resendInSec: Math.max(0, Math.ceil((resendAt - now) / 1000)) };
}

export type PhoneCode = ReturnType<typeof usePhoneCode>;
