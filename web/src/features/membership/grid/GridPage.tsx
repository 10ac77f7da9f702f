import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../app/status-pages';
import { AreasPanel } from './AreasPanel';
import { FiguresPanel } from './FiguresPanel';
import './i18n';
import { OrganisersPanel } from './OrganisersPanel';

/**
 * /membership/grid: the region's board and league table over a period (with its workbook);
 * /membership/grid/organisers and /areas: the lists staff keep.
 */
export default function GridPage() {
  return (
    <Routes>
      <Route index element={<FiguresPanel />} />
      <Route path="organisers" element={<OrganisersPanel />} />
      <Route path="areas" element={<AreasPanel />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
