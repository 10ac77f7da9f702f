import { Col, Flex, Result, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCan } from '../../../app/auth';
import { useErrorText } from '../../../app/errors';
import '../../labor-law/i18n';
import { ActionsPanel } from '../actions/ActionsPanel';
import '../i18n';
import { AgreementPanel } from './AgreementPanel';
import { AnalysisPanel } from './AnalysisPanel';
import { AssignmentPanel } from './AssignmentPanel';
import { CaseHeader } from './CaseHeader';
import { ClocksPanel } from './ClocksPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { EventsPanel } from './EventsPanel';
import { EvidencePanel } from './EvidencePanel';
import { FactsPanel } from './FactsPanel';
import { NoticesPanel } from './NoticesPanel';
import { OutboxPanel } from './OutboxPanel';
import { SessionsPanel } from './SessionsPanel';
import { useCase } from './useCase';

/** One case: where it stands, every clock with its basis, what may be done next, and its file. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errText = useErrorText();
  const can = useCan();
  const { detail, error } = useCase(id);
  const work = can('disputes:work');

  if (error && !detail)
    return (
      <Result status="warning" title={errText(error)} extra={<Link to="/disputes">{t('disputes.backToList')}</Link>} />
    );
  if (!detail) return <Skeleton active />;
  const live = !detail.record.historic && !!detail.record.state;

  return (
    <div data-testid="case-page" data-stage={detail.stage} data-version={detail.version}>
      <CaseHeader detail={detail} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <NoticesPanel detail={detail} />
            <FactsPanel detail={detail} />
            <AgreementPanel detail={detail} />
            {(work || detail.analysis) && <AnalysisPanel detail={detail} canRun={work && live} />}
            <SessionsPanel detail={detail} canWork={work && live} />
            <EvidencePanel detail={detail} />
            <EventsPanel detail={detail} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {live && <ActionsPanel detail={detail} />}
            <ClocksPanel clocks={detail.clocks} />
            <DocumentsPanel detail={detail} />
            {work && live && <AssignmentPanel detail={detail} />}
            {work && <OutboxPanel detail={detail} />}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
