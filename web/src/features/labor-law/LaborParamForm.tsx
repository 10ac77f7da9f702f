import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useApiMutation } from '../../app/query';
import { fenToYuanInput, isCalendarDate, parseYuanToFen } from './money';
import { LABOR_PARAMS_API, laborLawKeys } from './queryKeys';
import { LABOR_PARAM_KINDS, type LaborParam, type LaborParamInput } from './types';

/** The form's values: what it sends, with the amount in yuan as typed instead of fen. */
type ParamValues = Omit<LaborParamInput, 'amountFen'> & { amount: string };

/** A local wage figure, created or corrected; amounts are typed in yuan and stored in fen exactly. */
export function LaborParamForm({ target, onClose }: { target: LaborParam | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<ParamValues>>(
    () =>
      editing
        ? {
            regionCode: editing.regionCode,
            kind: editing.kind,
            effectiveFrom: editing.effectiveFrom,
            amount: fenToYuanInput(editing.amountFen),
            source: editing.source,
          }
        : { kind: 'minimum_wage_monthly' },
    [editing],
  );
  const required = { required: true, message: t('laborParams.required') };
  const send = useApiMutation(
    (body: LaborParamInput) =>
      editing ? api.put(`${LABOR_PARAMS_API}/${editing.id}`, body) : api.post(LABOR_PARAMS_API, body),
    [laborLawKeys.params],
  );

  const save = async (v: ParamValues) => {
    await send.mutateAsync({
      regionCode: v.regionCode,
      kind: v.kind,
      effectiveFrom: v.effectiveFrom,
      amountFen: parseYuanToFen(v.amount) ?? 0,
      source: v.source.trim(),
    });
    onClose();
  };

  return (
    <FormModal<ParamValues>
      open={target !== null}
      title={t(editing ? 'laborParams.edit' : 'laborParams.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="labor-param-form"
    >
      <Form.Item name="regionCode" label={t('laborParams.region')} rules={[required]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="kind" label={t('laborParams.kind')} rules={[required]}>
        <Select options={LABOR_PARAM_KINDS.map((k) => ({ value: k, label: t(`laborParams.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label={t('laborParams.effectiveFrom')}
        rules={[
          {
            validator: (_, v: string | undefined) =>
              isCalendarDate(v) ? Promise.resolve() : Promise.reject(new Error(t('laborParams.dateInvalid'))),
          },
        ]}
      >
        <Input type="date" data-testid="labor-param-date" />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('laborParams.amount')}
        rules={[
          {
            validator: (_, v: string | undefined) => {
              const fen = parseYuanToFen(v);
              return fen !== null && fen > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t('laborParams.amountInvalid')));
            },
          },
        ]}
      >
        <Input inputMode="decimal" suffix={t('laborParams.yuan')} data-testid="labor-param-amount" />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('laborParams.source')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('laborParams.sourceTooShort') }]}
      >
        <Input.TextArea maxLength={256} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="labor-param-source" />
      </Form.Item>
    </FormModal>
  );
}
