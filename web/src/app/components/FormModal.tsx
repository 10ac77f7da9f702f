import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useEffectEvent, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldError, useErrorText } from '../errors';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  /** Values to start from (the record when editing); the form resets to them each time it opens. */
  initialValues?: Partial<V>;
  onCancel: () => void;
  /** Saves; a thrown API error naming a field is shown on that field, others as a toast. */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  children: ReactNode;
  width?: number;
  testId?: string;
  /** Prefixes the ids of the form's fields (default: the test id), so two forms on a page never share one. */
  name?: string;
}

/** A modal with a vertical form: validation, saving state and server field errors handled once. */
export function FormModal<V extends object>({
  open,
  title,
  initialValues,
  onCancel,
  onSubmit,
  children,
  width = 560,
  testId,
  name,
}: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const ownName = `form${useId().replace(/\W/g, '')}`;

  // Each opening starts from the initial values of that moment; a re-render while open (a new
  // initialValues object, say) must not wipe what the user typed, so only `open` triggers it.
  const startFresh = useEffectEvent(() => {
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
  });
  useEffect(() => {
    if (open) startFresh();
  }, [open]);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await onSubmit(values, form);
      void message.success(t('common.saved'));
    } catch (err) {
      if (!applyFieldError(form, err, text)) void message.error(text(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      // Not forceRender: a hidden modal rendered anyway counts as open for Esc, and the last one
      // mounted takes the key from the modal on screen. The form keeps values set before it mounts.
      okButtonProps={testId ? { 'data-testid': `${testId}-save` } : undefined}
    >
      <Form form={form} name={name ?? testId ?? ownName} layout="vertical" autoComplete="off" data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
