import { Alert, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DESTINATION_KIND_LABELS,
  EXCLUSION_FLAGS,
  EXCLUSION_FLAG_LABELS,
  NO_UNION_ACCOUNT_ROUTES,
  NO_UNION_ROUTES,
  SIZE_CLASSES,
  SIZE_CLASS_LABELS,
  UNION_LEVELS,
  UNION_LEVEL_LABELS,
} from '../../../../contracts/fee-refunds/codes';
import { applyFieldError, useErrorText } from '../../app/errors';
import { codeText } from './labels';
import { sharesTotalPct, toBody, type PolicyFormValues } from './policyForm';
import type { PolicyBody } from './types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The maker's form for a policy version (a new draft, a copy, or a draft's edit), in percent and
 * yuan; the server checks the whole version again and names the field of what it refuses.
 */
export function PolicyForm(props: {
  open: boolean;
  title: string;
  initial: PolicyFormValues;
  assumptions: PolicyBody['assumptions'];
  pending: boolean;
  onSubmit: (body: PolicyBody) => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<PolicyFormValues>();
  const errorText = useErrorText();
  const [refused, setRefused] = useState<string | null>(null);
  const share = Form.useWatch('share', form);
  const smallMicroOn = Form.useWatch('smallMicroOn', form);
  const total = share ? sharesTotalPct(share) : 0;

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(props.initial);
      setRefused(null);
    }
  }, [props.open, props.initial, form]);

  const submit = async (values: PolicyFormValues) => {
    setRefused(null);
    try {
      await props.onSubmit(toBody(values, props.assumptions));
    } catch (err) {
      if (!applyFieldError(form, err, errorText)) setRefused(errorText(err));
    }
  };
  const required = [{ required: true, message: t('feeRefunds.policies.required') }];
  const date = [{ pattern: DATE, message: t('feeRefunds.policies.dateRule') }];
  const pct = (name: (string | number)[], testId: string) => (
    <Form.Item name={name} noStyle>
      <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      width="min(760px, 100vw)"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('feeRefunds.policies.cancel')}</Button>
          <Button type="primary" loading={props.pending} onClick={() => form.submit()} data-testid="fee-policy-save">
            {t('feeRefunds.policies.save')}
          </Button>
        </Space>
      }
    >
      <Form<PolicyFormValues> form={form} layout="vertical" name="fee-policy" onFinish={(v) => void submit(v)}>
        {refused && (
          <Alert
            type="error"
            showIcon
            message={refused}
            style={{ marginBottom: 16 }}
            data-testid="fee-policy-refused"
          />
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="titleZh" label={t('feeRefunds.policies.titleZh')} rules={required}>
              <Input maxLength={200} data-testid="fee-policy-title-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="titleEn" label={t('feeRefunds.policies.titleEn')} rules={required}>
              <Input maxLength={200} data-testid="fee-policy-title-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="regionCode"
              label={t('feeRefunds.policies.regionCode')}
              rules={[...required, { pattern: /^\d{6}$/, message: t('feeRefunds.runs.regionCodeRule') }]}
            >
              <Input inputMode="numeric" data-testid="fee-policy-region" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('feeRefunds.policies.effectiveFrom')}
              rules={[...required, ...date]}
            >
              <Input placeholder="YYYY-MM-DD" data-testid="fee-policy-from" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveTo" label={t('feeRefunds.policies.effectiveTo')} rules={date}>
              <Input placeholder="YYYY-MM-DD" data-testid="fee-policy-to" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="feeRatePct" label={t('feeRefunds.policies.feeRatePct')} rules={required}>
              <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} data-testid="fee-policy-rate" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('feeRefunds.policies.levels')}</Typography.Title>
        <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
          <Col span={6}>{t('feeRefunds.policies.level')}</Col>
          <Col span={6}>{t('feeRefunds.policies.share')}</Col>
          <Col span={6}>{t('feeRefunds.policies.returnedSmallMicro')}</Col>
          <Col span={6}>{t('feeRefunds.policies.returnedOrdinary')}</Col>
        </Row>
        {UNION_LEVELS.map((level) => (
          <Row gutter={8} key={level} style={{ marginBottom: 8 }} align="middle">
            <Col span={6}>{codeText(UNION_LEVEL_LABELS, level, lang)}</Col>
            <Col span={6}>{pct(['share', level], `fee-policy-share-${level}`)}</Col>
            <Col span={6}>{pct(['returnedSmallMicro', level], `fee-policy-small-${level}`)}</Col>
            <Col span={6}>{pct(['returnedOrdinary', level], `fee-policy-ordinary-${level}`)}</Col>
          </Row>
        ))}
        <Typography.Paragraph type={total === 100 ? 'secondary' : 'danger'} data-testid="fee-policy-total">
          {t('feeRefunds.policies.sharesTotal', { total })}
        </Typography.Paragraph>

        <Typography.Title level={5}>{t('feeRefunds.policies.smallMicro')}</Typography.Title>
        <Form.Item name="smallMicroOn" valuePropName="checked">
          <Checkbox>{t('feeRefunds.policies.smallMicroOn')}</Checkbox>
        </Form.Item>
        {smallMicroOn && (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="sizeClasses" label={t('feeRefunds.policies.sizeClasses')} rules={required}>
                <Checkbox.Group
                  options={SIZE_CLASSES.map((c) => ({ value: c, label: codeText(SIZE_CLASS_LABELS, c, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="maxAnnualPaidYuan" label={t('feeRefunds.policies.maxAnnualPaid')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="excludedFlags" label={t('feeRefunds.policies.excludedFlags')}>
                <Checkbox.Group
                  options={EXCLUSION_FLAGS.map((f) => ({ value: f, label: codeText(EXCLUSION_FLAG_LABELS, f, lang) }))}
                />
              </Form.Item>
            </Col>
          </Row>
        )}

        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="noUnion" label={t('feeRefunds.policies.noUnion')} rules={required}>
              <Select
                data-testid="fee-policy-no-union"
                options={NO_UNION_ROUTES.map((r) => ({ value: r, label: codeText(DESTINATION_KIND_LABELS, r, lang) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="noUnionAccount" label={t('feeRefunds.policies.noUnionAccount')} rules={required}>
              <Select
                data-testid="fee-policy-no-account"
                options={NO_UNION_ACCOUNT_ROUTES.map((r) => ({
                  value: r,
                  label: codeText(DESTINATION_KIND_LABELS, r, lang),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="source" label={t('feeRefunds.policies.source')} rules={required}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="fee-policy-source" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
