import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeaveReason } from '../../../../contracts/membership/codes';
import { ApiRequestError, api } from '../../app/api';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { useApiMutation, useApiQuery } from '../../app/query';
import { memberPath, membershipKeys } from './queryKeys';
import type { MemberRecord, MemberUpdate } from './types';

/** The register's own fields as the form holds them. */
export type RegisterValues = Omit<MemberUpdate, 'expectedVersion'>;

export interface LeaveValues {
  reason: LeaveReason;
  on: Dayjs;
  note?: string;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const versionMoved = (err: unknown) =>
  err instanceof ApiRequestError && err.status === 409 && err.body.field === 'version';

/**
 * One member of the register (null: none open): the record with the history of stays, its
 * registration fields saved at the version read, and leaving. A save refused because someone else
 * changed the member reloads the record, and the form starts again from it, saying so.
 */
export function useMember(id: string | null) {
  const queryClient = useQueryClient();
  const text = useErrorText();
  const showError = useShowError();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);
  const key = membershipKeys.member(id ?? '');
  const record = useApiQuery(key, () => api.get<MemberRecord>(memberPath(id ?? '')), { enabled: !!id });
  const reread = () => queryClient.invalidateQueries({ queryKey: key });
  const update = useApiMutation(
    (body: MemberUpdate) => api.put<MemberRecord>(memberPath(id ?? ''), body),
    [membershipKeys.members],
  );
  const leave = useApiMutation(
    (v: LeaveValues & { expectedVersion: number }) =>
      api.post<MemberRecord>(`${memberPath(id ?? '')}/leave`, {
        expectedVersion: v.expectedVersion,
        reason: v.reason,
        on: v.on.format('YYYY-MM-DD'),
        note: blank(v.note),
      }),
    [membershipKeys.members],
  );
  const member = id ? record.data : undefined;

  return {
    member,
    loading: !!id && record.isLoading,
    saving: update.isPending,
    /** The last save was refused because the member had changed: the form now shows the latest. */
    conflict: versionMoved(update.error),
    /** Saves the form's fields at the version read; a field the server refuses shows on the form. */
    save: async (v: RegisterValues, form: FormInstance<RegisterValues>) => {
      if (!member) return;
      update.reset();
      try {
        await update.mutateAsync({
          expectedVersion: member.version,
          ethnicity: v.ethnicity ?? null,
          education: v.education ?? null,
          politicalStatus: v.politicalStatus ?? null,
          occupation: v.occupation ?? null,
          employer: blank(v.employer),
          post: blank(v.post),
        });
        void message.success(t('membership.member.saved'));
      } catch (err) {
        if (versionMoved(err)) await reread();
        else if (!applyFieldError(form, err, text)) showError(err);
      }
    },
    leaving,
    startLeave: () => setLeaving(true),
    closeLeave: () => setLeaving(false),
    /** Records leaving; a refusal is thrown for the form to show (a moved version also reloads the record). */
    leave: async (v: LeaveValues) => {
      if (!member) return;
      try {
        await leave.mutateAsync({ ...v, expectedVersion: member.version });
      } catch (err) {
        if (versionMoved(err)) await reread();
        throw err;
      }
      setLeaving(false);
    },
  };
}

export type MemberState = ReturnType<typeof useMember>;
