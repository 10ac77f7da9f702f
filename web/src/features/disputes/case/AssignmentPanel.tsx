import { Button, Card, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { formatDateTime, punctuationOf } from '../../../app/format';
import { langOf } from '../labels';
import { disputesKeys } from '../queryKeys';
import type { AssignBody, CaseDetail, InviteJudgeBody, JudgeList, MediatorProposals } from '../types';
import { useCaseChange } from './useCase';

/** The assignment form: the body, its declaration as the checkbox holds it (unset until ticked). */
type AssignValues = Omit<AssignBody, 'noConflictDeclared' | 'version'> & { noConflictDeclared?: boolean };

/** Who mediates (proposals by expertise and load, with a no-conflict declaration) and the invited judge. */
export function AssignmentPanel({ detail: d }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const punct = punctuationOf(lang);
  const [assigning, setAssigning] = useState(false);
  const [inviting, setInviting] = useState(false);
  const reassign = !!d.mediatorId;
  // Asked each time a form opens (staleTime 0): loads and availability change between two openings.
  const proposals =
    useQuery({
      queryKey: disputesKeys.mediatorProposals(d.id),
      queryFn: () => api.get<MediatorProposals>(`/api/disputes/${d.id}/mediator-proposals`),
      enabled: assigning,
      staleTime: 0,
    }).data?.proposals ?? [];
  const judges =
    useQuery({
      queryKey: disputesKeys.judges(d.id),
      queryFn: () => api.get<JudgeList>(`/api/disputes/${d.id}/judges`),
      enabled: inviting,
      staleTime: 0,
    }).data?.items ?? [];

  const assignMediator = useCaseChange(d.id, (v: AssignValues) => {
    const body: AssignBody = {
      mediatorAccountId: v.mediatorAccountId,
      noConflictDeclared: !!v.noConflictDeclared,
      reason: v.reason?.trim() || undefined,
    };
    return api.post<CaseDetail>(`/api/disputes/${d.id}/assign`, body);
  });
  const inviteJudge = useCaseChange(d.id, (body: InviteJudgeBody) =>
    api.post<CaseDetail>(`/api/disputes/${d.id}/invite-judge`, body),
  );
  const assign = async (v: AssignValues) => {
    await assignMediator.mutateAsync(v);
    setAssigning(false);
  };
  const invite = async (v: InviteJudgeBody) => {
    await inviteJudge.mutateAsync(v);
    setInviting(false);
  };

  return (
    <Card title={t('disputes.assignment.title')} size="small" data-testid="assignment-panel">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('disputes.mediator')}
            {punct.colon}
            {d.mediatorName ?? t('disputes.case.unassigned')}
          </span>
          <Button size="small" onClick={() => setAssigning(true)} data-testid="assign-mediator">
            {t(reassign ? 'disputes.assignment.reassign' : 'disputes.assignment.assign')}
          </Button>
        </Flex>
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('disputes.judge')}
            {punct.colon}
            {d.judgeName ?? t('disputes.case.judgeNotInvited')}
          </span>
          <Button size="small" disabled={!d.courtId} onClick={() => setInviting(true)} data-testid="invite-judge">
            {t('disputes.assignment.invite')}
          </Button>
        </Flex>
        {(d.record.mediatorHistory ?? []).map((h) => (
          <Typography.Text key={h.at} type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(h.at)} {h.name} · {h.reason}
          </Typography.Text>
        ))}
      </Flex>

      <FormModal<AssignValues>
        open={assigning}
        title={t(reassign ? 'disputes.assignment.reassign' : 'disputes.assignment.assign')}
        onCancel={() => setAssigning(false)}
        onSubmit={assign}
        testId="assign-form"
      >
        <Form.Item
          name="mediatorAccountId"
          label={t('disputes.mediator')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Select
            options={proposals.map((p) => ({
              value: p.mediatorId,
              label: `${p.rank}. ${p.name}${punct.bracket(t('disputes.assignment.active', { n: p.activeCases }))}`,
              title: p.reasons.map((r) => r[lang]).join(punct.semicolon),
            }))}
            optionRender={(o) => (
              <div>
                <div>{o.label}</div>
                <div style={{ fontSize: 12, color: '#595959', whiteSpace: 'normal' }}>{o.data.title}</div>
              </div>
            )}
          />
        </Form.Item>
        {reassign && (
          <Form.Item
            name="reason"
            label={t('disputes.assignment.reason')}
            rules={[{ required: true, whitespace: true, message: t('disputes.assignment.reasonRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item
          name="noConflictDeclared"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('disputes.assignment.declareRequired'))),
            },
          ]}
        >
          <Checkbox>{t('disputes.assignment.declare')}</Checkbox>
        </Form.Item>
      </FormModal>

      <FormModal<InviteJudgeBody>
        open={inviting}
        title={t('disputes.assignment.invite')}
        onCancel={() => setInviting(false)}
        onSubmit={invite}
        testId="invite-form"
      >
        <Typography.Paragraph type="secondary">{t('disputes.assignment.inviteHint')}</Typography.Paragraph>
        <Form.Item
          name="judgeAccountId"
          label={t('disputes.judge')}
          rules={[{ required: true, message: t('disputes.intake.required') }]}
        >
          <Select
            options={judges.map((j) => ({ value: j.id, label: j.name }))}
            notFoundContent={t('disputes.assignment.noJudges')}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
