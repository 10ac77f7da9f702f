import { Checkbox, Form, Input, Radio, Select, Typography, type RadioChangeEvent } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_TYPES } from '../../../../../contracts/disputes/claims';
import { INDUSTRY_CODES } from '../../employers/types';
import { cityByCode, cityLabel } from '../../labor-law/cities';
import { parseYuanToFen, todayInChina } from '../../labor-law/money';
import { claimLabel, langOf } from '../labels';
import type { ApplyValues } from './application';
import type { Studio } from './publicApi';

export const APPLY_STEP_FIELDS: (keyof ApplyValues)[][] = [
  ['name', 'phone', 'residentId'],
  [
    'mediationBodyId',
    'onSite',
    'hiredBy',
    'employerName',
    'bossReachable',
    'contractorName',
    'employerPhone',
    'sector',
  ],
  ['hireDate', 'stillWorking', 'endDate', 'monthlyWage', 'contractSigned'],
  ['claims', 'narrative'],
];

export function Question({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 16 }}>
      {children}
    </Typography.Title>
  );
}

const MOBILE = /^1[3-9]\d{9}$/;

/** Yes/no as two big choices (Form.Item passes value and onChange through). */
function YesNo({
  testId,
  value,
  onChange,
  id,
}: {
  testId: string;
  value?: boolean;
  onChange?: (e: RadioChangeEvent) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group className="yz-choices" value={value} onChange={onChange} id={id}>
      <Radio value={true} className="yz-choice">
        <span data-testid={`${testId}-yes`}>{t('disputesPublic.yes')}</span>
      </Radio>
      <Radio value={false} className="yz-choice">
        <span data-testid={`${testId}-no`}>{t('disputesPublic.no')}</span>
      </Radio>
    </Radio.Group>
  );
}

/** Where the worker worked decides which union studio takes the case; asked only when there is a choice. */
function StudioChoice({ studios }: { studios: Studio[] }) {
  const { t, i18n } = useTranslation();
  // The calculator's cities have English names; any other place keeps its own.
  const place = (s: Studio) => {
    const city = cityByCode(s.regionCode);
    return city ? cityLabel(city, langOf(i18n.language) === 'en') : (s.regionName ?? s.name);
  };
  if (studios.length < 2) return null;
  return (
    <Form.Item
      name="mediationBodyId"
      label={t('disputesPublic.apply.studio')}
      extra={t('disputesPublic.apply.studioHelp')}
      rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
    >
      <Radio.Group className="yz-choices">
        {studios.map((s) => (
          <Radio key={s.id} value={s.id} className="yz-choice">
            <span data-testid={`apply-studio-${s.regionCode}`}>{place(s)}</span>
          </Radio>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

/** The messages of the fields that must be filled in. */
type Required = 'nameRequired' | 'phoneRequired' | 'employerRequired' | 'dateRequired' | 'narrativeRequired';

/** The four steps of the worker's application; only the current one is shown. */
export function ApplySteps({ step, values, studios }: { step: number; values: ApplyValues; studios: Studio[] }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const today = todayInChina();
  const req = (key: Required) => [{ required: true, whitespace: true, message: t(`disputesPublic.apply.${key}`) }];
  const show = (i: number) => ({ display: i === step ? 'block' : 'none' });
  const boss = values.onSite && values.hiredBy === 'boss';
  const yuan = (required: boolean) => ({
    validator: (_: unknown, v: string | undefined) =>
      !v?.trim()
        ? required
          ? Promise.reject(new Error(t('disputesPublic.apply.amountRequired')))
          : Promise.resolve()
        : parseYuanToFen(v) === null
          ? Promise.reject(new Error(t('disputesPublic.apply.amountInvalid')))
          : Promise.resolve(),
  });

  return (
    <>
      <div style={show(0)} data-testid="apply-step-you">
        <Question>{t('disputesPublic.apply.q.you')}</Question>
        <Form.Item name="name" label={t('disputesPublic.apply.name')} rules={req('nameRequired')}>
          <Input maxLength={32} data-testid="apply-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('disputesPublic.apply.phone')}
          extra={t('disputesPublic.apply.phoneHelp')}
          rules={[...req('phoneRequired'), { pattern: MOBILE, message: t('disputesPublic.apply.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" data-testid="apply-phone" />
        </Form.Item>
        <Form.Item
          name="residentId"
          label={t('disputesPublic.apply.residentId')}
          rules={[{ pattern: /^\s*(\d{15}|\d{17}[\dXx])\s*$/, message: t('disputesPublic.apply.residentIdInvalid') }]}
        >
          <Input maxLength={18} data-testid="apply-resident-id" />
        </Form.Item>
      </div>

      <div style={show(1)} data-testid="apply-step-employer">
        <Question>{t('disputesPublic.apply.q.employer')}</Question>
        <StudioChoice studios={studios} />
        <Form.Item
          name="onSite"
          label={t('disputesPublic.apply.onSite')}
          rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
        >
          <YesNo testId="apply-on-site" />
        </Form.Item>
        {values.onSite && (
          <Form.Item
            name="hiredBy"
            label={t('disputesPublic.apply.hiredBy')}
            rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
          >
            <Radio.Group className="yz-choices">
              {(['boss', 'company'] as const).map((h) => (
                <Radio key={h} value={h} className="yz-choice">
                  <span data-testid={`apply-hired-by-${h}`}>{t(`disputesPublic.apply.hiredByOptions.${h}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="employerName"
          label={t(boss ? 'disputesPublic.apply.bossName' : 'disputesPublic.apply.employerName')}
          rules={[...req('employerRequired'), { min: 2, message: t('disputesPublic.apply.employerRequired') }]}
        >
          <Input maxLength={128} data-testid="apply-employer-name" />
        </Form.Item>
        {boss && (
          <>
            <Form.Item
              name="bossReachable"
              label={t('disputesPublic.apply.bossReachable')}
              rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
            >
              <YesNo testId="apply-boss-reachable" />
            </Form.Item>
            <Form.Item
              name="contractorName"
              label={t('disputesPublic.apply.contractorName')}
              extra={t('disputesPublic.apply.contractorHelp')}
            >
              <Input maxLength={128} data-testid="apply-contractor" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="employerPhone"
          label={t('disputesPublic.apply.employerPhone')}
          rules={[{ pattern: MOBILE, message: t('disputesPublic.apply.phoneInvalid') }]}
        >
          <Input maxLength={11} inputMode="tel" data-testid="apply-employer-phone" />
        </Form.Item>
        {values.onSite === false && (
          <Form.Item
            name="sector"
            label={t('disputesPublic.apply.sector')}
            rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
          >
            <Select
              options={INDUSTRY_CODES.filter((c) => c !== 'construction').map((c) => ({
                value: c,
                label: t(`employers.industries.${c}`),
              }))}
              data-testid="apply-sector"
            />
          </Form.Item>
        )}
      </div>

      <div style={show(2)} data-testid="apply-step-work">
        <Question>{t('disputesPublic.apply.q.work')}</Question>
        <Form.Item name="hireDate" label={t('disputesPublic.apply.hireDate')} rules={req('dateRequired')}>
          <Input type="date" max={today} data-testid="apply-hire-date" />
        </Form.Item>
        <Form.Item name="stillWorking" valuePropName="checked">
          <Checkbox className="yz-choice" data-testid="apply-still-working">
            {t('disputesPublic.apply.stillWorking')}
          </Checkbox>
        </Form.Item>
        {!values.stillWorking && (
          <Form.Item name="endDate" label={t('disputesPublic.apply.endDate')} rules={req('dateRequired')}>
            <Input type="date" max={today} data-testid="apply-end-date" />
          </Form.Item>
        )}
        <Form.Item name="monthlyWage" label={t('disputesPublic.apply.monthlyWage')} rules={[yuan(true)]}>
          <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid="apply-wage" />
        </Form.Item>
        <Form.Item
          name="contractSigned"
          label={t('disputesPublic.apply.contractSigned')}
          rules={[{ required: true, message: t('disputesPublic.apply.choose') }]}
        >
          <YesNo testId="apply-contract" />
        </Form.Item>
      </div>

      <div style={show(3)} data-testid="apply-step-claims">
        <Question>{t('disputesPublic.apply.q.claims')}</Question>
        <Form.Item
          name="claims"
          rules={[{ required: true, type: 'array', min: 1, message: t('disputesPublic.apply.claimsRequired') }]}
        >
          <Checkbox.Group className="yz-choices">
            {CLAIM_TYPES.map((c) => (
              <Checkbox key={c} value={c} className="yz-choice">
                <span data-testid={`apply-claim-${c}`}>{claimLabel(c, lang)}</span>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {(values.claims ?? []).map((c) => (
          <Form.Item
            key={c}
            name={['amounts', c]}
            label={t('disputesPublic.apply.amountFor', { claim: claimLabel(c, lang) })}
            rules={[yuan(true)]}
          >
            <Input inputMode="decimal" suffix={t('disputes.yuan')} data-testid={`apply-amount-${c}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="narrative"
          label={t('disputesPublic.apply.narrative')}
          extra={t('disputesPublic.apply.narrativeHelp')}
          rules={[...req('narrativeRequired'), { min: 5, message: t('disputesPublic.apply.narrativeRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="apply-narrative" />
        </Form.Item>
      </div>
    </>
  );
}
