import { useMutation } from '@tanstack/react-query';
import { Form } from 'antd';
import { useState } from 'react';
import type { MemberOccupation } from '../../../../../contracts/membership/codes';
import { useApiQuery } from '../../../app/query';
import type { ApplicationAnswer, ApplicationInput } from '../types';
import { memberSession, membershipPublicApi, membershipPublicKeys } from './publicApi';
import { usePhoneCode } from './usePhoneCode';

/** What the joining form holds (texts as typed; the hook trims them). */
export interface JoinValues {
  name: string;
  phone: string;
  otp?: string;
  residentId: string;
  occupation: MemberOccupation;
  employer?: string;
  consent: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Joining from a union's link (/join/:code?o=<organiser>&v=<visit>): the union named, the code
 * texted, the application, and, for a member elsewhere, the offered transfer accepted with the
 * session the first answer opened (no second code). Every answer's session is kept on the phone,
 * so the card page opens without a code.
 */
export function useJoining(code: string, organiserCode: string | null, visitId: string | null) {
  const organization = useApiQuery(membershipPublicKeys.organization(code, organiserCode), () =>
    membershipPublicApi.organization(code, organiserCode),
  );
  const [form] = Form.useForm<JoinValues>();
  const phoneCode = usePhoneCode();
  const [token, setToken] = useState(() => memberSession.get());
  const [declined, setDeclined] = useState(false);
  const kept = (answer: ApplicationAnswer) => {
    memberSession.set(answer.session);
    setToken(answer.session.token);
  };
  const send = (body: ApplicationInput, session: string | null) => membershipPublicApi.apply(body, session);
  const apply = useMutation({
    mutationFn: (body: ApplicationInput) => send(body, token),
    onSuccess: kept,
  });
  const transfer = useMutation({
    mutationFn: ({ body, session }: { body: ApplicationInput; session: string }) =>
      send({ ...body, otp: undefined, transfer: true }, session),
    onSuccess: kept,
  });

  const submit = (v: JoinValues) => {
    setDeclined(false);
    transfer.reset();
    apply.mutate({
      organizationCode: organization.data?.code ?? code,
      organiserCode: organization.data?.organiser?.code ?? undefined,
      visitId: visitId && UUID.test(visitId) ? visitId : undefined,
      name: v.name.trim(),
      phone: v.phone.trim(),
      otp: v.otp?.trim() || undefined,
      residentId: v.residentId.trim().toUpperCase(),
      occupation: v.occupation,
      employer: v.employer?.trim() || null,
      consent: true,
    });
  };
  const offered = apply.data?.status === 'transfer_offered' ? apply.data : null;

  return {
    organization,
    /** The form outlives an offer declined: the worker finds what they typed. */
    form,
    phoneCode,
    /** The phone has a session: the texted code may be left out for the same number. */
    hasSession: !!token,
    apply,
    submit,
    transfer,
    /** Accepts the offered transfer: the same application again, with the offer's session. */
    acceptTransfer: () => {
      if (offered && apply.variables) transfer.mutate({ body: apply.variables, session: offered.session.token });
    },
    declined,
    decline: () => {
      setDeclined(true);
      apply.reset();
    },
    /** What the page shows instead of the form: the application made, or the transfer offered. */
    answer: transfer.data ?? apply.data ?? null,
  };
}

export type Joining = ReturnType<typeof useJoining>;
