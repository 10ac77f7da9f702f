import { Alert, App, Button, Card, Flex, Form, Modal, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_INFO } from '../../../../../contracts/disputes/actions';
import { ApiRequestError, api } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import { todayInChina } from '../../labor-law/money';
import { langOf } from '../labels';
import { useCaseChange, useReloadCase } from '../case/useCase';
import type { ActionBody, ActionCode, CaseDetail } from '../types';
import { AGREEMENT_SPECS } from './agreement-specs';
import { BASIC_SPECS } from './basic-specs';
import { COURT_PATH_SPECS } from './court-path-specs';
import { COURT_SPECS } from './court-specs';
import type { ActionSpec, SpecContext, Values } from './spec';

const SPECS: Partial<Record<ActionCode, ActionSpec>> = {
  ...BASIC_SPECS,
  ...AGREEMENT_SPECS,
  ...COURT_SPECS,
  ...COURT_PATH_SPECS,
};
const FALLBACK: ActionSpec = { payload: () => ({}) };

interface Props {
  detail: CaseDetail;
}

/** The actions the state machine offers this user now, each with a small form for its payload. */
export function ActionsPanel({ detail }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { message } = App.useApp();
  const errText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState<ActionCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const act = useCaseChange(detail.id, (body: ActionBody) =>
    api.post<CaseDetail>(`/api/disputes/${detail.id}/actions`, body),
  );
  // The case changed underneath (409): load it again.
  const reloadCase = useReloadCase(detail.id);
  const ctx: SpecContext = useMemo(() => ({ detail, t, lang, today: todayInChina() }), [detail, t, lang]);
  const spec = open ? (SPECS[open] ?? FALLBACK) : null;

  const start = (code: ActionCode) => {
    const s = SPECS[code] ?? FALLBACK;
    form.resetFields();
    form.setFieldsValue(s.initial?.(ctx) ?? {});
    setProblem(null);
    setOpen(code);
  };

  const submit = async () => {
    if (!open || !spec) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      const all = { ...form.getFieldsValue(true), ...values };
      const review = spec.review?.(all);
      await act.mutateAsync({
        action: open,
        payload: spec.payload(all, ctx),
        version: detail.version,
        ...(review ? { review } : {}),
      });
      setOpen(null);
      void message.success(t('disputes.actions.done', { action: ACTION_INFO[open][lang] }));
    } catch (err) {
      if (
        err instanceof ApiRequestError &&
        err.status === 409 &&
        err.body.code === 'CONFLICT' &&
        /changed|更新/.test(err.body.messageEn + err.body.message)
      )
        reloadCase();
      setProblem(errText(err));
      void message.error(errText(err));
    }
  };

  const actions = detail.availableActions.filter((code) => !SPECS[code]?.done?.(detail));
  const hint = spec?.hint?.(ctx);
  return (
    <Card title={t('disputes.actions.title')} size="small" data-testid="actions-panel">
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('disputes.actions.none')}</Typography.Text>
      ) : (
        <Flex wrap gap={8}>
          {actions.map((code) => (
            <Button
              key={code}
              type={SPECS[code]?.danger ? 'default' : 'primary'}
              ghost={!SPECS[code]?.danger}
              danger={SPECS[code]?.danger}
              onClick={() => start(code)}
              data-testid={`action-${code}`}
            >
              {ACTION_INFO[code][lang]}
            </Button>
          ))}
        </Flex>
      )}
      <Modal
        open={!!open}
        title={open ? ACTION_INFO[open][lang] : ''}
        width={spec?.width ?? 520}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: spec?.danger, 'data-testid': 'action-submit' }}
        confirmLoading={act.isPending}
        onOk={() => void submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden={false}
      >
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        <Form form={form} name="action" layout="vertical" autoComplete="off" data-testid="action-form">
          {open && spec?.fields?.(ctx)}
        </Form>
        {problem && <Alert type="error" showIcon title={problem} data-testid="action-error" />}
      </Modal>
    </Card>
  );
}
