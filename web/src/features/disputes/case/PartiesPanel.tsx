import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseParty } from '../../../../../contracts/disputes/parties';
import { statuteText } from '../../../../../contracts/statutes';
import { chainRoleLabel, langOf, partyRoleLabel } from '../labels';
import type { CaseDetail } from '../types';
import { CorrectPartyDialog } from './CorrectPartyDialog';

/**
 * The parties of the case as documents will name them: roles, licence or ID, how each is reached
 * and where documents go. A mediator corrects a party here (CorrectPartyDialog).
 */
export function PartiesPanel({ detail: d, canCorrect }: { detail: CaseDetail; canCorrect: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [correcting, setCorrecting] = useState<CaseParty | null>(null);
  return (
    <Card title={t('disputes.parties.title')} size="small" data-testid="parties-panel">
      <Flex vertical gap={12}>
        {d.parties.map((p) => (
          <div key={p.id} data-testid={`party-${p.id}`} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Flex align="center" wrap gap={4}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {p.roles.map((r) => (
                  <Tag key={r} color={r === 'liable' ? 'red' : r === 'worker' ? 'blue' : undefined}>
                    {partyRoleLabel(r, lang)}
                  </Tag>
                ))}
                {p.chainRole && <Tag>{chainRoleLabel(p.chainRole, lang)}</Tag>}
                {p.reachable === false && <Tag color="orange">{t('disputes.parties.unreachable')}</Tag>}
              </Flex>
              {canCorrect && (
                <Button size="small" onClick={() => setCorrecting(p)} data-testid={`party-correct-${p.id}`}>
                  {t('disputes.correct.button')}
                </Button>
              )}
            </Flex>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 4 }}>
              {p.uscc && <Descriptions.Item label={t('disputes.parties.uscc')}>{p.uscc}</Descriptions.Item>}
              {p.residentIdMasked && (
                <Descriptions.Item label={t('disputes.parties.residentId')}>{p.residentIdMasked}</Descriptions.Item>
              )}
              {p.phone && <Descriptions.Item label={t('disputes.parties.phone')}>{p.phone}</Descriptions.Item>}
              {p.email && <Descriptions.Item label={t('disputes.parties.email')}>{p.email}</Descriptions.Item>}
              {p.address && <Descriptions.Item label={t('disputes.parties.address')}>{p.address}</Descriptions.Item>}
              {p.serviceAddress && (
                <Descriptions.Item label={t('disputes.parties.serviceAddress')}>{p.serviceAddress}</Descriptions.Item>
              )}
              {p.representative && (
                <Descriptions.Item label={t('disputes.parties.representative')}>
                  {[p.representative.name, p.representative.title].filter(Boolean).join(' · ')}
                </Descriptions.Item>
              )}
              {p.agent && (
                <Descriptions.Item label={t('disputes.parties.agent')}>
                  {[p.agent.name, p.agent.relation, p.agent.phone].filter(Boolean).join(' · ')}
                </Descriptions.Item>
              )}
              {p.liabilityBasis && (
                <Descriptions.Item label={t('disputes.parties.liabilityBasis')}>
                  <span data-testid="party-liability-basis">{statuteText(p.liabilityBasis, lang)}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </div>
        ))}
      </Flex>
      <CorrectPartyDialog detail={d} party={correcting} onClose={() => setCorrecting(null)} />
    </Card>
  );
}
