import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../../../app/api';
import { ASKED_ONCE, useApiQuery } from '../../../app/query';
import type { MemberCard } from '../types';
import { memberSession, membershipPublicApi, membershipPublicKeys } from './publicApi';
import { usePhoneCode } from './usePhoneCode';

/** A session the server no longer accepts is forgotten at once, and the page asks for a code again. */
async function loadCard(token: string): Promise<MemberCard> {
  try {
    return await membershipPublicApi.card(token);
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) memberSession.clear();
    throw err;
  }
}

export interface SignInValues {
  phone: string;
  otp: string;
}

/**
 * The member card on the phone: the session kept from applying (or from signing in here with a
 * texted code), the card, the applications and the stays. Checking a code spends it: a mutation.
 */
export function useMemberCard() {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SignInValues>();
  const [token, setToken] = useState<string | null>(() => memberSession.get());
  const phoneCode = usePhoneCode();
  const signIn = useMutation({
    mutationFn: (v: SignInValues) => membershipPublicApi.signIn({ phone: v.phone.trim(), otp: v.otp.trim() }),
    onSuccess: (session) => {
      memberSession.set(session);
      setToken(session.token);
    },
  });
  const card = useApiQuery(membershipPublicKeys.card(token ?? ''), () => loadCard(token ?? ''), {
    ...ASKED_ONCE,
    enabled: !!token,
  });
  const expired = card.error instanceof ApiRequestError && card.error.status === 401;
  const open = !!token && !expired;

  return {
    form,
    phoneCode,
    signIn,
    card: open ? card.data : undefined,
    loading: open && card.isLoading,
    /** The session holds, but the server could not answer with a card (no application from this phone). */
    failed: open ? card.error : null,
    refreshing: card.isFetching,
    refresh: () => void card.refetch(),
    signOut: () => {
      memberSession.clear();
      queryClient.removeQueries({ queryKey: membershipPublicKeys.all });
      setToken(null);
      phoneCode.requestCode.reset();
      signIn.reset();
      form.resetFields();
    },
  };
}

export type MemberCardState = ReturnType<typeof useMemberCard>;
