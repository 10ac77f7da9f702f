import { Alert, Button, Col, Descriptions, Flex, Form, Input, Radio, Row, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { formatDateTime } from '../../../app/format';
import { StageTag } from '../CaseListPage';
import type { CaseDetail, IdentityCheck, IdentityDecisionBody } from '../types';
import { useCaseChange } from './useCase';

type SameValues = { keepPhone?: 'application' | 'registered'; note?: string };
type DifferentValues = { residentId?: string; note?: string };

/**
 * A held online application (its resident ID is a registered person's, typed with another name or
 * phone): both side by side and the mediator's decision, at the top of the case page. Once decided,
 * who decided what and when.
 */
export function IdentityPanel({ detail: d }: { detail: CaseDetail }) {
  if (d.identityCheck) return <HeldAlert detail={d} check={d.identityCheck} />;
  return <DecidedAlert detail={d} />;
}

function HeldAlert({ detail: d, check }: { detail: CaseDetail; check: IdentityCheck }) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<'same' | 'different' | null>(null);
  const send = useCaseChange(d.id, (body: IdentityDecisionBody) =>
    api.post<CaseDetail>(`/api/disputes/${d.id}/identity`, body),
  );
  const decide = async (body: Omit<IdentityDecisionBody, 'version'>) => {
    await send.mutateAsync({ ...body, version: d.version });
    setDeciding(null);
  };
  const { applicant: a, registered: r } = check;
  const phonesDiffer = check.differs.includes('phone') && !!r.phone;

  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="identity-held"
        title={t('disputes.identity.heldTitle')}
        description={
          <Flex vertical gap={12}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{t('disputes.identity.heldText')}</Typography.Paragraph>
            <Row gutter={[16, 12]}>
              <Col xs={24} md={12} data-testid="identity-applicant">
                <Side
                  title={t('disputes.identity.applicant')}
                  name={a.name}
                  phone={a.phone}
                  residentId={a.residentIdMasked}
                  differs={check.differs}
                />
              </Col>
              <Col xs={24} md={12} data-testid="identity-registered">
                <Side
                  title={t('disputes.identity.registered')}
                  name={r.name}
                  phone={r.phone ? `${r.phone}${r.phoneMasked ? t('disputes.identity.phoneMasked') : ''}` : null}
                  residentId={r.residentIdMasked}
                  differs={check.differs}
                  extra={[
                    [t('disputes.identity.region'), r.regionName ?? r.regionCode],
                    [t('disputes.identity.openCases'), <OpenCases key="open" cases={r.openCases} />],
                  ]}
                />
              </Col>
            </Row>
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setDeciding('same')} data-testid="identity-same">
                {t('disputes.identity.same')}
              </Button>
              <Button onClick={() => setDeciding('different')} data-testid="identity-different">
                {t('disputes.identity.different')}
              </Button>
            </Flex>
          </Flex>
        }
      />
      <FormModal<SameValues>
        open={deciding === 'same'}
        title={t('disputes.identity.sameTitle')}
        initialValues={{ keepPhone: 'registered' }}
        onCancel={() => setDeciding(null)}
        onSubmit={(v) =>
          decide({
            decision: 'same_person',
            keepPhone: phonesDiffer ? v.keepPhone : undefined,
            note: v.note?.trim() || undefined,
          })
        }
        testId="identity-same-form"
      >
        <Typography.Paragraph type="secondary">{t('disputes.identity.sameHint')}</Typography.Paragraph>
        {phonesDiffer && (
          <Form.Item name="keepPhone" label={t('disputes.identity.keepPhone')}>
            <Radio.Group
              options={[
                { value: 'registered', label: t('disputes.identity.keepRegistered', { phone: r.phone }) },
                { value: 'application', label: t('disputes.identity.keepApplication', { phone: a.phone }) },
              ]}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('disputes.identity.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal<DifferentValues>
        open={deciding === 'different'}
        title={t('disputes.identity.differentTitle')}
        onCancel={() => setDeciding(null)}
        onSubmit={(v) =>
          decide({
            decision: 'different_person',
            residentId: v.residentId?.trim() || undefined,
            note: v.note?.trim() || undefined,
          })
        }
        testId="identity-different-form"
      >
        <Typography.Paragraph type="secondary">{t('disputes.identity.differentHint')}</Typography.Paragraph>
        <Form.Item name="residentId" label={t('disputes.identity.ownResidentId')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t('disputes.identity.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** One column of the comparison; what differs is tagged on both sides. */
function Side({
  title,
  name,
  phone,
  residentId,
  differs,
  extra = [],
}: {
  title: string;
  name: string;
  phone: string | null;
  residentId: string | null;
  differs: readonly string[];
  extra?: [string, ReactNode][];
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const tagged = (field: 'name' | 'phone', value: ReactNode) => (
    <>
      {value}
      {differs.includes(field) && (
        <Tag color="red" style={{ marginInlineStart: 6 }} data-testid={`identity-differs-${field}`}>
          {t('disputes.identity.differs')}
        </Tag>
      )}
    </>
  );
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={title}
      styles={{ content: { background: '#fff' } }}
      items={[
        { key: 'name', label: t('disputes.identity.name'), children: tagged('name', name) },
        { key: 'phone', label: t('disputes.identity.phone'), children: tagged('phone', phone ?? none) },
        { key: 'id', label: t('disputes.identity.residentId'), children: residentId ?? none },
        ...extra.map(([label, children]) => ({ key: label, label, children })),
      ]}
    />
  );
}

function OpenCases({ cases }: { cases: IdentityCheck['registered']['openCases'] }) {
  const { t } = useTranslation();
  if (!cases.length) return <>{t('disputes.identity.noOpenCases')}</>;
  return (
    <Flex vertical gap={4}>
      {cases.map((c) => (
        <span key={c.id}>
          {c.readable ? <Link to={`/disputes/${c.id}`}>{c.caseNumber}</Link> : c.caseNumber}
          {!c.readable && t('disputes.identity.notInRegion')} <StageTag stage={c.stage} />
          {c.employerName}
        </span>
      ))}
    </Flex>
  );
}

/** Who decided what, and what the applicant had typed (staff only: the facts of others lack it). */
function DecidedAlert({ detail: d }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const decision = d.facts.identityMatch?.decision;
  if (!decision) return null;
  const at = formatDateTime(decision.at);
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="identity-decided"
      data-decision={decision.decision}
      title={t(
        decision.decision === 'same_person' ? 'disputes.identity.decidedSame' : 'disputes.identity.decidedDifferent',
        { by: decision.by, at },
      )}
      description={
        <>
          {t('disputes.identity.typed', { name: decision.applicant.name, phone: decision.applicant.phone })}
          {decision.note && <div>{decision.note}</div>}
        </>
      }
    />
  );
}
