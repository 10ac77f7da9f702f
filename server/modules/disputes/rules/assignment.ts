/**
 * Propose a mediator for a case: the least-loaded available mediator whose
 * expertise matches, never one who declared a conflict with the employer.
 *
 * Ranking (first difference wins):
 *  1. match tier: sector and every claim type matched > some expertise matched > none;
 *  2. fewer active cases;
 *  3. more matched expertise tags;
 *  4. id, in code-point order (deterministic tie-break).
 */

export interface MediatorProfile {
  id: string;
  name: string;
  /** Sectors and claim types, e.g. "construction", "wage_arrears". Matched case-insensitively. */
  expertise: string[];
  activeCases: number;
  available: boolean;
  /** Employer ids the mediator declared a conflict of interest with. */
  conflicts: string[];
}

export interface AssignmentCase {
  sector: string;
  claimTypes: string[];
  employerId: string;
}

export type MatchTier = 'full' | 'partial' | 'none';

export interface AssignmentProposal {
  rank: number;
  mediatorId: string;
  name: string;
  tier: MatchTier;
  matched: string[];
  activeCases: number;
  reasons: { zh: string; en: string }[];
}

export interface AssignmentExclusion {
  mediatorId: string;
  name: string;
  reason: 'unavailable' | 'conflict';
  zh: string;
  en: string;
}

export interface AssignmentResult {
  proposals: AssignmentProposal[];
  excluded: AssignmentExclusion[];
}

const norm = (s: string) => s.trim().toLowerCase();
const TIER_ORDER: Record<MatchTier, number> = { full: 0, partial: 1, none: 2 };

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function proposeMediators(mediators: readonly MediatorProfile[], c: AssignmentCase): AssignmentResult {
  const wantedSector = norm(c.sector);
  const wantedClaims = [...new Set(c.claimTypes.map(norm))].filter((x) => x !== '');
  const employer = norm(c.employerId);
  const excluded: AssignmentExclusion[] = [];
  const candidates: Omit<AssignmentProposal, 'rank'>[] = [];

  for (const m of mediators) {
    if (m.conflicts.some((e) => norm(e) === employer)) {
      excluded.push({
        mediatorId: m.id,
        name: m.name,
        reason: 'conflict',
        zh: '已申报与该用人单位存在利益冲突，应当回避。',
        en: 'Declared a conflict of interest with this employer; must step aside.',
      });
      continue;
    }
    if (!m.available) {
      excluded.push({
        mediatorId: m.id,
        name: m.name,
        reason: 'unavailable',
        zh: '当前不可接案。',
        en: 'Not available for new cases.',
      });
      continue;
    }
    const skills = new Set(m.expertise.map(norm));
    const sectorHit = wantedSector !== '' && skills.has(wantedSector);
    const claimHits = wantedClaims.filter((x) => skills.has(x));
    const matched = [...(sectorHit ? [wantedSector] : []), ...claimHits];
    const tier: MatchTier =
      sectorHit && claimHits.length === wantedClaims.length ? 'full' : matched.length > 0 ? 'partial' : 'none';
    const reasons: { zh: string; en: string }[] = [];
    if (tier === 'full')
      reasons.push({
        zh: `行业和全部请求类型都对口（${matched.join('、')}）`,
        en: `Sector and every claim type match (${matched.join(', ')})`,
      });
    else if (tier === 'partial')
      reasons.push({ zh: `部分对口（${matched.join('、')}）`, en: `Partial match (${matched.join(', ')})` });
    else
      reasons.push({ zh: '专长不对口，仅在无对口调解员时考虑', en: 'No matching expertise; only if no one else fits' });
    reasons.push({ zh: `在办案件 ${m.activeCases} 件`, en: `${m.activeCases} active cases` });
    candidates.push({ mediatorId: m.id, name: m.name, tier, matched, activeCases: m.activeCases, reasons });
  }

  candidates.sort(
    (a, b) =>
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      a.activeCases - b.activeCases ||
      b.matched.length - a.matched.length ||
      codePointCompare(a.mediatorId, b.mediatorId),
  );
  const proposals = candidates.map((x, i) => ({ ...x, rank: i + 1 }));
  const [first, second] = proposals;
  if (first && second) {
    if (first.tier !== second.tier) {
      first.reasons.push({ zh: '专长最对口', en: 'Best expertise match' });
    } else if (first.activeCases < second.activeCases) {
      first.reasons.push({
        zh: '同等对口的调解员中在办案件最少',
        en: 'Fewest active cases among equally matched mediators',
      });
    } else if (first.matched.length > second.matched.length) {
      first.reasons.push({ zh: '案件数相同，对口专长更多', en: 'Same caseload, more matching expertise' });
    } else {
      first.reasons.push({
        zh: '与下一位条件相同，按编号顺序排在前面',
        en: 'Tied with the next mediator; ordered by id',
      });
    }
  }
  return { proposals, excluded };
}
