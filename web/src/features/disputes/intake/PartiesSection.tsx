import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../labor-law/money';
import { useCourts } from '../useCourts';
import { CASE_KINDS } from './build';
import { Section } from './Section';

const MOBILE = /^1[3-9]\d{9}$/;

/** Case kind and court, the worker (and representatives of a collective case), the employer. */
export function PartiesSection() {
  const { t } = useTranslation();
  const courts = useCourts();
  const workerCount = Form.useWatch('workerCount') as number | undefined;
  // In a construction case the hirer and the paying party are parties of the hiring chain (one list).
  const isConstruction = Form.useWatch('isConstruction') as boolean | undefined;
  const required = (msg = t('disputes.intake.required')) => [{ required: true, whitespace: true, message: msg }];
  const mobile = [{ pattern: MOBILE, message: t('disputes.intake.phoneInvalid') }];

  return (
    <>
      <Section title={t('disputes.intake.caseSection')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('disputes.intake.kind')} rules={[{ required: true }]}>
              <Select
                data-testid="intake-kind"
                options={CASE_KINDS.map((k) => ({ value: k, label: t(`disputes.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="courtId" label={t('disputes.court')}>
              <Select
                allowClear
                data-testid="intake-court"
                placeholder={t('disputes.intake.courtPlaceholder')}
                options={courts.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="appliedOn" label={t('disputes.intake.appliedOn')} rules={required()}>
              <Input type="date" max={todayInChina()} data-testid="intake-applied-on" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="oral" valuePropName="checked" extra={t('disputes.intake.oralHelp')}>
              <Checkbox data-testid="intake-oral">{t('disputes.intake.oral')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('disputes.intake.workerSection')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['worker', 'name']} label={t('disputes.intake.workerName')} rules={required()}>
              <Input maxLength={32} data-testid="intake-worker-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['worker', 'phone']} label={t('disputes.intake.phone')} rules={[...required(), ...mobile]}>
              <Input maxLength={11} inputMode="tel" data-testid="intake-worker-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['worker', 'residentId']}
              label={t('disputes.intake.residentId')}
              rules={[{ pattern: /^\s*(\d{15}|\d{17}[\dXx])\s*$/, message: t('disputes.intake.residentIdInvalid') }]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="intake-worker-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="workerCount"
              label={t('disputes.intake.workerCount')}
              extra={t('disputes.intake.workerCountHelp')}
            >
              <InputNumber
                min={1}
                max={10000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="intake-worker-count"
              />
            </Form.Item>
          </Col>
          {(workerCount ?? 1) > 1 && (
            <Col xs={24} md={16}>
              <Form.List name="representatives">
                {(fields, { add, remove }) => (
                  <Form.Item label={t('disputes.intake.representatives')}>
                    {fields.map((f) => (
                      <Space key={f.key} align="start" wrap style={{ marginBottom: 4 }}>
                        <Form.Item name={[f.name, 'name']} rules={required()} noStyle>
                          <Input placeholder={t('disputes.intake.workerName')} style={{ width: 140 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'phone']} rules={[...required(), ...mobile]} noStyle>
                          <Input placeholder={t('disputes.intake.phone')} style={{ width: 160 }} inputMode="tel" />
                        </Form.Item>
                        <Button onClick={() => remove(f.name)}>{t('disputes.intake.remove')}</Button>
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({})} disabled={fields.length >= 10}>
                      {t('disputes.intake.addRepresentative')}
                    </Button>
                  </Form.Item>
                )}
              </Form.List>
            </Col>
          )}
        </Row>
      </Section>

      {isConstruction ? (
        <Alert
          type="info"
          showIcon
          title={t('disputes.intake.employerInChain')}
          data-testid="intake-employer-in-chain"
        />
      ) : (
        <Section title={t('disputes.intake.employerSection')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name={['employer', 'name']}
                label={t('disputes.intake.employerName')}
                extra={t('disputes.intake.employerNameHelp')}
                rules={required()}
              >
                <Input maxLength={128} data-testid="intake-employer-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['employer', 'uscc']}
                label={t('disputes.intake.uscc')}
                extra={t('disputes.intake.usccHelp')}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="intake-employer-uscc" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['employer', 'contactName']} label={t('disputes.intake.contactName')}>
                <Input maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['employer', 'contactPhone']} label={t('disputes.intake.contactPhone')} rules={mobile}>
                <Input maxLength={11} inputMode="tel" data-testid="intake-employer-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['employer', 'contactEmail']}
                label={t('disputes.intake.contactEmail')}
                rules={[{ type: 'email', message: t('disputes.intake.emailInvalid') }]}
              >
                <Input maxLength={128} inputMode="email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['employer', 'serviceAddress']} label={t('disputes.intake.serviceAddress')}>
                <Input maxLength={200} data-testid="intake-employer-service-address" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['employer', 'representative', 'name']} label={t('disputes.intake.representative')}>
                <Input maxLength={32} data-testid="intake-employer-representative" />
              </Form.Item>
            </Col>
          </Row>
        </Section>
      )}
    </>
  );
}
