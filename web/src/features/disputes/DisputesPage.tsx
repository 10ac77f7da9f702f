import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../app/status-pages';
import { CaseListPage } from './CaseListPage';
import './i18n';

import { casePage, intakePage } from './pages';

const IntakePage = intakePage.Page;
const CasePage = casePage.Page;

/** /disputes and below: the case list (all, at risk or to assign), counter intake and the case page. */
export default function DisputesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage tab="all" />} />
      <Route path="at-risk" element={<CaseListPage tab="at-risk" />} />
      <Route path="to-assign" element={<CaseListPage tab="to-assign" />} />
      <Route path="new" element={<IntakePage />} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
