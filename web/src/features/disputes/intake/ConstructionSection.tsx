import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Col, Form, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HiringChainInput } from '../../../../../contracts/disputes';
import type { LiabilityResult } from '../../../../../contracts/disputes/liability';
import { api } from '../../../app/api';
import { useDebounced } from '../../../app/useDebounced';
import { chainRoleLabel, langOf } from '../labels';
import { disputesKeys } from '../queryKeys';
import { buildIntake, newPartyId, type IntakeValues, type PartyValues } from './build';
import { PartyRow } from './PartyRow';
import { Section } from './Section';

/**
 * Construction cases: who contracted whom and who hired the worker. The liable party is proposed
 * live by the server, with the rules it applies at intake (保障农民工工资支付条例 arts. 29, 30, 36).
 */
export function ConstructionSection() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const form = Form.useFormInstance<IntakeValues>();
  const on = Form.useWatch('isConstruction') as boolean | undefined;
  const chain = Form.useWatch('construction') as IntakeValues['construction'] | undefined;
  const parties = (chain?.parties ?? []).filter(Boolean);
  // Parties are picked by name and role (中山建工集团（总承包单位）), never by their ids; one not named yet by its role.
  const options = parties.map((p) => {
    const role = p.role ? chainRoleLabel(p.role, lang) : '';
    const name = p.name?.trim() || t('disputes.intake.unnamedParty');
    return { value: p.id, label: role ? t('disputes.intake.partyOption', { name, role }) : name };
  });

  // The chain as the rules read it (contact details left out: a half-typed phone must not stop the preview).
  const chainBody = ((): HiringChainInput | null => {
    if (!on || !chain?.hiredWorker || !parties.length || parties.some((p) => !p.name?.trim() || !p.role)) return null;
    const c = buildIntake({ ...(form.getFieldsValue(true) as IntakeValues), isConstruction: true }).construction;
    if (!c) return null;
    return { ...c, parties: c.parties.map(({ uscc: _u, contactPhone: _p, contactEmail: _e, ...party }) => party) };
  })();
  // The server runs the rules (POST /api/disputes/liability-preview) once typing pauses; the query is
  // keyed by the chain, so the newest chain's answer is the one shown.
  const settled = useDebounced(chainBody && JSON.stringify(chainBody), 250);
  const asked = settled ? (JSON.parse(settled) as HiringChainInput) : null;
  const answer = useQuery({
    queryKey: disputesKeys.liabilityPreview(asked),
    queryFn: () => api.post<LiabilityResult>('/api/disputes/liability-preview', asked),
    enabled: !!asked,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const preview = chainBody && !answer.isError ? (answer.data ?? null) : null;

  const addTypical = () => {
    const [dev, gc, boss] = [newPartyId(), newPartyId(), newPartyId()];
    const typical: PartyValues[] = [
      { id: dev, role: 'developer' },
      { id: gc, role: 'general_contractor', contractedBy: dev },
      { id: boss, role: 'crew_boss', contractedBy: gc, isIndividualOrUnqualified: true },
    ];
    form.setFieldValue(['construction', 'parties'], typical);
    form.setFieldValue(['construction', 'hiredWorker'], boss);
  };

  return (
    <Section
      title={t('disputes.intake.constructionSection')}
      testId="intake-construction"
      extra={
        <Form.Item name="isConstruction" valuePropName="checked" noStyle>
          <Checkbox
            data-testid="intake-is-construction"
            onChange={(e) => e.target.checked && form.setFieldValue('sector', 'construction')}
          >
            {t('disputes.intake.isConstruction')}
          </Checkbox>
        </Form.Item>
      }
    >
      {!on ? (
        <Typography.Paragraph type="secondary">{t('disputes.intake.constructionHint')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('disputes.intake.chainHelp')}</Typography.Paragraph>
          <Form.List name={['construction', 'parties']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <PartyRow
                    key={f.key}
                    field={f}
                    index={i}
                    options={options.filter((o) => o.value !== parties[i]?.id)}
                    onRemove={() => remove(f.name)}
                  />
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ id: newPartyId(), role: 'crew_boss' })}
                  disabled={fields.length >= 12}
                  data-testid="party-add"
                  style={{ marginInlineEnd: 8 }}
                >
                  {t('disputes.intake.addParty')}
                </Button>
                {fields.length === 0 && (
                  <Button onClick={addTypical} data-testid="party-typical">
                    {t('disputes.intake.typicalChain')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} md={8}>
              <Form.Item
                name={['construction', 'hiredWorker']}
                label={t('disputes.intake.hiredWorker')}
                rules={[{ required: true, message: t('disputes.intake.required') }]}
              >
                <Select options={options} data-testid="intake-hired-worker" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['construction', 'crewBossReachable']} label={t('disputes.intake.crewBossReachable')}>
                <Radio.Group
                  data-testid="intake-boss-reachable"
                  options={[
                    { value: true, label: t('common.yes') },
                    { value: false, label: t('common.no') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['construction', 'developerPaidProjectFunds']}
                label={t('disputes.intake.developerPaid')}
              >
                <Radio.Group
                  options={(['yes', 'no', 'unknown'] as const).map((v) => ({
                    value: v,
                    label: t(`disputes.intake.paid.${v}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {preview?.contactFirst && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="intake-liability-preview"
              title={t('disputes.intake.liablePreview', { name: preview.contactFirst.partyName })}
              description={lang === 'en' ? preview.contactFirst.basis.textEn : preview.contactFirst.basis.text}
            />
          )}
          {preview && preview.errors.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={lang === 'en' ? preview.errors[0]!.messageEn : preview.errors[0]!.message}
            />
          )}
        </>
      )}
    </Section>
  );
}
