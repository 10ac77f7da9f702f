import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/status-pages';
import { CaseListPage } from './CaseListPage';
import './i18n';

const IntakePage = lazy(() => import('./intake/IntakePage'));
const CasePage = lazy(() => import('./case/CasePage'));

/** /disputes and below: the case list (all or at risk), counter intake and the case page. */
export default function DisputesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage atRisk={false} />} />
      <Route path="at-risk" element={<CaseListPage atRisk />} />
      <Route path="new" element={<IntakePage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
