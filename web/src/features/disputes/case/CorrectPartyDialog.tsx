import { Alert, Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectionInput, PartyCorrection } from '../../../../../contracts/disputes/corrections';
import type { CaseParty } from '../../../../../contracts/disputes/parties';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import type { CaseDetail } from '../types';
import { agreementSigned, ReasonField } from './correction-parts';
import { useCaseChange } from './useCase';

interface PartyValues {
  name?: string;
  uscc?: string;
  phone?: string;
  email?: string;
  address?: string;
  serviceAddress?: string;
  representativeName?: string;
  agentName?: string;
  agentPhone?: string;
}
/** Field names as the API names them (`parties.0.name`), so its errors land on the field. */
interface Values {
  reason: string;
  parties: [PartyValues];
  acceptUsccWarning?: boolean;
}

const clean = (v: string | undefined) => v?.trim() ?? '';

function valuesOf(p: CaseParty): PartyValues {
  return {
    name: p.name,
    uscc: p.uscc,
    phone: p.phone,
    email: p.email,
    address: p.address,
    serviceAddress: p.serviceAddress,
    representativeName: p.representative?.name,
    agentName: p.agent?.name,
    agentPhone: p.agent?.phone,
  };
}

/** Only what differs from the party as it is: a field emptied is sent as null (cleared). */
export function partyChanges(p: CaseParty, v: PartyValues): PartyCorrection {
  const out: PartyCorrection = { id: p.id };
  const plain = ['name', 'uscc', 'phone', 'email', 'address', 'serviceAddress'] as const;
  for (const f of plain) {
    const typed = f === 'uscc' ? clean(v[f]).toUpperCase() : clean(v[f]);
    if (typed === (p[f] ?? '')) continue;
    if (f === 'name') {
      if (typed) out.name = typed;
    } else out[f] = typed || null;
  }
  const rep = clean(v.representativeName);
  if (rep !== (p.representative?.name ?? ''))
    out.representative = rep ? { name: rep, title: p.representative?.title } : null;
  const agentName = clean(v.agentName);
  const agentPhone = clean(v.agentPhone);
  if (agentName !== (p.agent?.name ?? '') || agentPhone !== (p.agent?.phone ?? ''))
    out.agent = agentName ? { name: agentName, relation: p.agent?.relation, phone: agentPhone || undefined } : null;
  return out;
}

/** Correcting one party: after a signature, only how it is reached and served. */
export function CorrectPartyDialog({
  detail: d,
  party,
  onClose,
}: {
  detail: CaseDetail;
  party: CaseParty | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const signed = agreementSigned(d);
  const send = useCaseChange(d.id, (body: CorrectionInput) =>
    api.post<CaseDetail>(`/api/disputes/${d.id}/corrections`, body),
  );
  if (!party) return null;
  const person = party.kind === 'person';
  const submit = async (v: Values) => {
    const change = partyChanges(party, v.parties[0]);
    if (Object.keys(change).length === 1) throw new Error(t('disputes.correct.nothing'));
    await send.mutateAsync({
      version: d.version,
      reason: v.reason.trim(),
      parties: [change],
      acceptUsccWarning: !!v.acceptUsccWarning,
    });
    onClose();
  };
  const field = (f: keyof PartyValues) => ['parties', 0, f];
  return (
    <FormModal<Values>
      open
      title={t('disputes.correct.partyTitle', { name: party.name })}
      initialValues={{ parties: [valuesOf(party)] }}
      onCancel={onClose}
      onSubmit={submit}
      width={720}
      testId="correct-party"
    >
      {signed && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('disputes.correct.signedNote')} />}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name={field('name')}
            label={t('disputes.parties.name')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={128} disabled={signed} />
          </Form.Item>
        </Col>
        {!person && (
          <Col xs={24} md={12}>
            <Form.Item name={field('uscc')} label={t('disputes.parties.uscc')}>
              <Input maxLength={18} disabled={signed} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={field('phone')} label={t('disputes.parties.phone')}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={field('email')} label={t('disputes.parties.email')}>
            <Input type="email" maxLength={128} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={field('address')} label={t('disputes.parties.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={field('serviceAddress')} label={t('disputes.parties.serviceAddress')}>
            <Input maxLength={200} data-testid="correct-service-address" />
          </Form.Item>
        </Col>
        {!person && (
          <Col xs={24} md={12}>
            <Form.Item name={field('representativeName')} label={t('disputes.parties.representative')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={person ? 12 : 6}>
          <Form.Item name={field('agentName')} label={t('disputes.parties.agent')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} md={person ? 12 : 6}>
          <Form.Item name={field('agentPhone')} label={t('disputes.parties.agentPhone')}>
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      {!person && !signed && (
        <Form.Item name="acceptUsccWarning" valuePropName="checked">
          <Checkbox>{t('disputes.correct.acceptUscc')}</Checkbox>
        </Form.Item>
      )}
      <ReasonField />
    </FormModal>
  );
}
