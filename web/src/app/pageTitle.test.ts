import { describe, expect, it } from 'vitest';
import { titleKeyFor } from './pageTitle';

describe('each page its own title', () => {
  it.each([
    ['/', 'menu.home'],
    ['/calc', 'menu.calc'],
    ['/disputes', 'menu.disputes'],
    ['/disputes/0b7c8a0e-0000-4000-8000-000000000000', 'menu.disputes'], // a case page
    ['/disputes/queue', 'menu.disputesQueue'], // the longer path wins
    ['/disputes/stats', 'menu.disputesStats'],
    ['/employers/import', 'menu.employers'],
    ['/track', 'pageTitles.track'],
    ['/refunds', 'pageTitles.refunds'],
    ['/apply', 'pageTitles.apply'],
    ['/e/AbCdEfGhIjKlMnOpQrStUvWxYz012345', 'pageTitles.employerLink'],
    ['/login', 'pageTitles.login'],
    ['/join/HX-RIDERS', 'pageTitles.join'],
    ['/member-card', 'pageTitles.memberCard'],
    ['/membership/reports', 'menu.membershipReports'],
    ['/membership/members', 'menu.membershipMembers'],
    ['/no-such-page', null],
  ])('%s → %s', (path, key) => {
    expect(titleKeyFor(path)).toBe(key);
  });
});
