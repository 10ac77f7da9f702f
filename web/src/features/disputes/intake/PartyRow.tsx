import { Button, Card, Checkbox, Col, Form, Input, Row, Select, type FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHAIN_ROLES } from '../../../../../contracts/disputes/chain-roles';
import { chainRoleLabel, langOf } from '../labels';

interface Props {
  field: FormListFieldData;
  index: number;
  /** The other parties, for "contracted by". */
  options: { value: string; label: string }[];
  onRemove: () => void;
}

/** One party of the hiring chain: role, name, who contracted the work to it, identifiers and contacts. */
export function PartyRow({ field, index, options, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const role = Form.useWatch(['construction', 'parties', field.name, 'role']) as string | undefined;
  const id = `party-${index}`;
  return (
    <Card size="small" style={{ marginBottom: 8, background: '#fafafa' }} data-testid={id}>
      <Form.Item name={[field.name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item
            name={[field.name, 'role']}
            label={t('disputes.intake.partyRole')}
            rules={[{ required: true, message: t('disputes.intake.required') }]}
          >
            <Select
              options={CHAIN_ROLES.map((r) => ({ value: r, label: chainRoleLabel(r, lang) }))}
              data-testid={`${id}-role`}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={[field.name, 'name']}
            label={t('disputes.intake.partyName')}
            rules={[{ required: true, whitespace: true, message: t('disputes.intake.required') }]}
          >
            <Input maxLength={128} data-testid={`${id}-name`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[field.name, 'contractedBy']} label={t('disputes.intake.contractedBy')}>
            <Select allowClear options={options} disabled={role === 'developer'} data-testid={`${id}-contracted-by`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[field.name, 'uscc']} label={t('disputes.intake.uscc')}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid={`${id}-uscc`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={[field.name, 'contactPhone']}
            label={t('disputes.intake.contactPhone')}
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('disputes.intake.phoneInvalid') }]}
          >
            <Input maxLength={11} inputMode="tel" data-testid={`${id}-phone`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            name={[field.name, 'contactEmail']}
            label={t('disputes.intake.contactEmail')}
            rules={[{ type: 'email', message: t('disputes.intake.emailInvalid') }]}
          >
            <Input maxLength={128} inputMode="email" data-testid={`${id}-email`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[field.name, 'serviceAddress']} label={t('disputes.intake.serviceAddress')}>
            <Input maxLength={200} data-testid={`${id}-service-address`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label=" " colon={false}>
            {role === 'crew_boss' ? (
              <Checkbox checked disabled>
                {t('disputes.intake.individual')}
              </Checkbox>
            ) : (
              <Form.Item name={[field.name, 'isIndividualOrUnqualified']} valuePropName="checked" noStyle>
                <Checkbox>{t('disputes.intake.individual')}</Checkbox>
              </Form.Item>
            )}
            <Button danger type="link" onClick={onRemove} style={{ float: 'right' }} data-testid={`${id}-remove`}>
              {t('disputes.intake.remove')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
