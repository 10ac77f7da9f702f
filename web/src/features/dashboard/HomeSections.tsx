import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Home } from '../../../../contracts/disputes/home';
import { CaseCard } from './CaseCard';

// The work lists of the home page, one component per role's section (the server decides which
// sections a caller gets: GET /api/disputes/home).

export function MediatorHome({ section }: { section: NonNullable<Home['mediator']> }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="home-mediator">
      <Col xs={24} xl={12}>
        <CaseCard
          testId="home-due-soon"
          title={t('dashboard.mediator.dueSoon', { days: section.dueWithinDays })}
          list={section.dueSoon}
          more={{ to: '/disputes/at-risk' }}
        />
      </Col>
      <Col xs={24} xl={12}>
        <CaseCard
          testId="home-to-assign"
          title={t('dashboard.mediator.toAssign')}
          hint={t('dashboard.mediator.toAssignHint')}
          list={section.toAssign}
        />
      </Col>
      <Col xs={24}>
        <CaseCard
          testId="home-open"
          title={t('dashboard.mediator.open')}
          list={section.open}
          more={{ to: '/disputes' }}
        />
      </Col>
    </Row>
  );
}

export function CourtHome({ section }: { section: NonNullable<Home['court']> }) {
  const { t } = useTranslation();
  return (
    <CaseCard
      testId="home-queue"
      title={t('dashboard.court.queue')}
      hint={t('dashboard.court.queueHint')}
      list={section.queue}
      more={{ to: '/disputes/queue', label: t('dashboard.court.openQueue') }}
    />
  );
}

export function EmployerHome({ section }: { section: NonNullable<Home['employer']> }) {
  const { t } = useTranslation();
  return (
    <CaseCard
      testId="home-employer"
      title={t('dashboard.employer.cases')}
      hint={t('dashboard.employer.casesHint')}
      list={section.cases}
      more={{ to: '/my-cases' }}
      caseLinks={false}
    />
  );
}
