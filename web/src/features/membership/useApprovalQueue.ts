import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useShowError } from '../../app/errors';
import { useApiMutation } from '../../app/query';
import { usePaged } from '../../app/usePaged';
import { applicationFilterOf, QUEUE_START, type QueueFilterValues } from './filter';
import { APPLICATIONS_API, applicationPath, membershipKeys } from './queryKeys';
import type { ApplicationFilter, ApplicationRow, BulkApproveAnswer } from './types';

/** Whether the user may decide this application now (the server says who may; only pending ones wait). */
export const decidable = (row: ApplicationRow) => row.status === 'pending' && row.canDecide;

/**
 * The approval queue: the server-paged applications with their filters, the rows ticked for a bulk
 * approval, and the decisions, each at the version the queue showed. A decision changes the queue
 * and (an approval) the register; one refused because the application moved reloads the queue.
 */
export function useApprovalQueue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<QueueFilterValues>();
  const list = usePaged<ApplicationRow, ApplicationFilter>(APPLICATIONS_API, QUEUE_START);
  const [selected, setSelected] = useState<ApplicationRow[]>([]);
  const [rejecting, setRejecting] = useState<ApplicationRow | null>(null);
  const changes = [membershipKeys.applications, membershipKeys.members];

  const approve = useApiMutation(
    (row: ApplicationRow) =>
      api.post<ApplicationRow>(`${applicationPath(row.id)}/approve`, { expectedVersion: row.version }),
    changes,
  );
  const reject = useApiMutation(
    ({ row, reason }: { row: ApplicationRow; reason: string }) =>
      api.post<ApplicationRow>(`${applicationPath(row.id)}/reject`, { expectedVersion: row.version, reason }),
    changes,
  );
  const approveMany = useApiMutation(
    (rows: ApplicationRow[]) =>
      api.post<BulkApproveAnswer>(`${APPLICATIONS_API}/approve`, {
        items: rows.map((r) => ({ id: r.id, expectedVersion: r.version })),
      }),
    changes,
  );
  const decided = (row: ApplicationRow) => setSelected((rows) => rows.filter((r) => r.id !== row.id));
  const refused = (err: unknown) => {
    showError(err);
    list.reload();
  };

  return {
    form,
    list,
    search: (values: QueueFilterValues) => {
      setSelected([]);
      list.search(applicationFilterOf(values));
    },
    reset: () => {
      form.resetFields();
      setSelected([]);
      list.search(QUEUE_START);
    },
    selected,
    select: setSelected,
    approve: (row: ApplicationRow) =>
      approve.mutateAsync(row).then(() => {
        decided(row);
        void message.success(t('membership.queue.approved', { no: row.applicationNo }));
      }, refused),
    approving: approve.isPending,
    approveSelected: () => {
      approveMany.reset();
      approveMany.mutate(selected, { onSuccess: () => setSelected([]), onError: refused });
    },
    approvingMany: approveMany.isPending,
    /** The last bulk approval's answer: how many were approved, and which were refused and why. */
    bulkAnswer: approveMany.data ?? null,
    dismissBulkAnswer: () => approveMany.reset(),
    rejecting,
    startReject: setRejecting,
    /** Rejects the application being rejected; a refusal is thrown for the form to show. */
    reject: async (reason: string) => {
      if (!rejecting) return;
      await reject.mutateAsync({ row: rejecting, reason }).catch((err: unknown) => {
        // Decided or changed meanwhile: the queue shows it as it now is.
        list.reload();
        throw err;
      });
      decided(rejecting);
      setRejecting(null);
    },
    closeReject: () => setRejecting(null),
  };
}

export type ApprovalQueue = ReturnType<typeof useApprovalQueue>;
