import { Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isStage, isTerminal } from '../../../../../contracts/disputes/stages';
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
import { IdentityPanel } from './IdentityPanel';
import { NoticesPanel } from './NoticesPanel';
import { OutboxPanel } from './OutboxPanel';
import { PartiesPanel } from './PartiesPanel';
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
  // A case that has ended keeps its facts as they were (the server refuses corrections too).
  const correctable = work && live && !(isStage(detail.stage) && isTerminal(detail.stage));

  return (
    <div data-testid="case-page" data-stage={detail.stage} data-version={detail.version}>
      <CaseHeader detail={detail} />
      <IdentityPanel detail={detail} />
      {/* What to do next comes first on a narrow screen, at the top of the side column on a wide one (app.css). */}
      <div className="yz-case-body">
        <Flex vertical gap={16} className="yz-case-main">
          <NoticesPanel detail={detail} />
          <PartiesPanel detail={detail} canCorrect={correctable} />
          <FactsPanel detail={detail} canCorrect={correctable} />
          <AgreementPanel detail={detail} />
          {(work || detail.analysis) && <AnalysisPanel detail={detail} canRun={work && live} />}
          <SessionsPanel detail={detail} canWork={work && live} />
          <EvidencePanel detail={detail} />
          <EventsPanel detail={detail} />
        </Flex>
        {live && (
          <div className="yz-case-next">
            <ActionsPanel detail={detail} />
          </div>
        )}
        <Flex vertical gap={16} className="yz-case-side">
          <ClocksPanel clocks={detail.clocks} />
          <DocumentsPanel detail={detail} />
          {work && live && <AssignmentPanel detail={detail} />}
          {work && <OutboxPanel detail={detail} />}
        </Flex>
      </div>
    </div>
  );
}
