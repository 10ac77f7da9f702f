import { Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPES } from '../../../../../contracts/disputes/claims';
import '../../employers/i18n';
import { INDUSTRY_CODES } from '../../employers/types';
import '../../labor-law/i18n';
import { formatFen, parseYuanToFen, todayInChina } from '../../labor-law/money';
import { ART38_REASONS, SITUATIONS } from '../../labor-law/request';
import { claimLabel, langOf } from '../labels';
import type { TFunction } from 'i18next';
import { WAGE_STRUCTURES, WORKING_HOURS, type IntakeValues } from './build';
import { Section } from './Section';

/** How a job can end, in the labor-law engine's terms (the calculator's list without "still employed"). */
const LEAVING_REASONS = SITUATIONS.filter((s) => s !== 'employed');

/** Yuan typed as text (full-width digits and separators welcome), checked with the calculator's parser. */
export function yuanRule(t: TFunction, required: boolean) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      if (!value?.trim())
        return required ? Promise.reject(new Error(t('disputes.intake.amountRequired'))) : Promise.resolve();
      return parseYuanToFen(value) === null
        ? Promise.reject(new Error(t('disputes.intake.amountInvalid')))
        : Promise.resolve();
    },
  };
}

/**
 * Employment period, wages, hours and contract; the sector; the claims with amounts. The case
 * page's correction form uses it too, without the sector (`withSector` false).
 */
export function EmploymentSection({ withSector = true }: { withSector?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const signed = Form.useWatch(['employment', 'contractSigned']) as boolean | undefined;
  const endDate = Form.useWatch(['employment', 'endDate']) as string | undefined;
  const leavingReason = Form.useWatch(['employment', 'leavingReason']) as string | undefined;
  const claims = (Form.useWatch('claims') as IntakeValues['claims'] | undefined) ?? [];
  const total = claims.reduce((s, c) => s + (parseYuanToFen(c?.amount) ?? 0), 0);
  const required = [{ required: true, whitespace: true, message: t('disputes.intake.required') }];
  const today = todayInChina();

  return (
    <>
      <Section title={t('disputes.intake.employmentSection')}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['employment', 'hireDate']} label={t('disputes.intake.hireDate')} rules={required}>
              <Input type="date" max={today} data-testid="intake-hire-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['employment', 'endDate']}
              label={t('disputes.intake.endDate')}
              extra={t('disputes.intake.endDateHelp')}
            >
              <Input type="date" data-testid="intake-end-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['employment', 'harmKnownOn']}
              label={t('disputes.intake.harmKnownOn')}
              extra={t('disputes.intake.harmKnownOnHelp')}
            >
              <Input type="date" max={today} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['employment', 'position']} label={t('disputes.intake.position')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['employment', 'wageStructure']}
              label={t('disputes.intake.wageStructure')}
              rules={[{ required: true }]}
            >
              <Select options={WAGE_STRUCTURES.map((w) => ({ value: w, label: t(`disputes.wageStructures.${w}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={['employment', 'monthlyWage']}
              label={t('disputes.intake.monthlyWage')}
              rules={[yuanRule(t, true)]}
            >
              <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="intake-monthly-wage" />
            </Form.Item>
          </Col>
          {!!endDate?.trim() && (
            <Col xs={24} md={6}>
              <Form.Item
                name={['employment', 'leavingReason']}
                label={t('disputes.intake.leavingReason')}
                extra={t('disputes.intake.leavingReasonHelp')}
              >
                <Select
                  allowClear
                  data-testid="intake-leaving-reason"
                  options={LEAVING_REASONS.map((r) => ({ value: r, label: t(`disputes.leavingReasons.${r}`) }))}
                />
              </Form.Item>
            </Col>
          )}
          {!!endDate?.trim() && leavingReason === 'art38' && (
            <Col xs={24} md={6}>
              <Form.Item name={['employment', 'art38Reason']} label={t('disputes.intake.art38Reason')}>
                <Select
                  allowClear
                  data-testid="intake-art38-reason"
                  options={ART38_REASONS.map((r) => ({ value: r, label: t(`calc.art38Reasons.${r}`) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={6}>
            <Form.Item name={['employment', 'workingHours']} label={t('disputes.intake.workingHours')}>
              <Select options={WORKING_HOURS.map((w) => ({ value: w, label: t(`disputes.workingHours.${w}`) }))} />
            </Form.Item>
          </Col>
          {withSector && (
            <Col xs={24} md={6}>
              <Form.Item
                name="sector"
                label={t('disputes.intake.sector')}
                rules={[{ required: true, message: t('disputes.intake.required') }]}
              >
                <Select
                  data-testid="intake-sector"
                  options={INDUSTRY_CODES.map((c) => ({ value: c, label: t(`employers.industries.${c}`) }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name={['employment', 'contractSigned']} label={t('disputes.intake.contractSigned')}>
              <Radio.Group
                data-testid="intake-contract"
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            </Form.Item>
          </Col>
          {signed && (
            <Col xs={24} md={6}>
              <Form.Item name={['employment', 'contractSignedDate']} label={t('disputes.intake.contractSignedDate')}>
                <Input type="date" max={today} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Section>

      <Section
        title={t('disputes.intake.claimsSection')}
        extra={
          <Typography.Text strong data-testid="intake-claim-total">
            {t('disputes.intake.claimTotal', { amount: formatFen(total) })}
          </Typography.Text>
        }
      >
        <Form.List
          name="claims"
          rules={[
            {
              validator: (_, v: unknown[]) =>
                v?.length ? Promise.resolve() : Promise.reject(new Error(t('disputes.intake.claimsRequired'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space
                  key={f.key}
                  align="start"
                  wrap
                  style={{ display: 'flex', marginBottom: 8 }}
                  data-testid={`intake-claim-${i}`}
                >
                  <Form.Item
                    name={[f.name, 'type']}
                    rules={[{ required: true, message: t('disputes.intake.required') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Select
                      style={{ width: 220 }}
                      placeholder={t('disputes.intake.claimType')}
                      options={CLAIM_TYPES.map((c) => ({ value: c, label: claimLabel(c, lang) }))}
                      data-testid="intake-claim-type"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[yuanRule(t, true)]} style={{ marginBottom: 0 }}>
                    <Input
                      inputMode="decimal"
                      style={{ width: 160 }}
                      placeholder={t('disputes.intake.amount')}
                      suffix={t('disputes.yuan')}
                      data-testid="intake-claim-amount"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'description']} style={{ marginBottom: 0 }}>
                    <Input maxLength={500} style={{ width: 320 }} placeholder={t('disputes.intake.claimDescription')} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)} disabled={fields.length <= 1}>
                    {t('disputes.intake.remove')}
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                onClick={() => add({ type: undefined })}
                style={{ marginBottom: 16 }}
                data-testid="intake-add-claim"
              >
                {t('disputes.intake.addClaim')}
              </Button>
              {signed === false && (
                <Typography.Paragraph type="secondary">{t('disputes.intake.noContractHint')}</Typography.Paragraph>
              )}
            </>
          )}
        </Form.List>
      </Section>
    </>
  );
}
