import { describe, expect, it } from 'vitest';
import { ROLES, permissionsOf, type Role } from '../../../contracts/roles';
import { MENU, entryForPath, landingPath, visibleMenu } from './menu';

const userWith = (...roles: Role[]) => ({ roles, permissions: [...permissionsOf(roles)] });
const keysFor = (...roles: Role[]) => visibleMenu(userWith(...roles)).map((e) => e.key);

describe('menu', () => {
  it('gives a worker only Home, Me and the calculator', () => {
    expect(keysFor('worker')).toEqual(['home', 'me', 'calc']);
  });

  it('gives a system administrator everything except the worker’s and the employer’s own pages', () => {
    const keys = keysFor('system_admin');
    expect(keys).toEqual(MENU.map((e) => e.key).filter((k) => !['me', 'myCases', 'myFeeRefunds'].includes(k)));
    expect(keys).toContain('accounts');
    expect(keys).toContain('audit');
  });

  it('keeps courts away from donors, employers and stations but shows them to court staff', () => {
    for (const role of ['donor', 'employer_agent', 'station_manager'] as const)
      expect(keysFor(role)).not.toContain('courts');
    expect(keysFor('judge')).toContain('courts');
    expect(keysFor('employer_agent')).toEqual(['home', 'myCases', 'myFeeRefunds', 'calc', 'employers']);
  });

  it('shows union staff their management pages but not accounts or audit', () => {
    const keys = keysFor('union_staff');
    expect(keys).toEqual(expect.arrayContaining(['organizations', 'employers', 'people', 'regions']));
    expect(keys).not.toContain('accounts');
    expect(keys).not.toContain('audit');
  });

  it('shows the calculator to every role and the local wage figures to mediators and union staff', () => {
    for (const role of ROLES) expect(keysFor(role)).toContain('calc');
    for (const role of ['mediator', 'union_staff', 'system_admin'] as const)
      expect(keysFor(role)).toContain('laborParams');
    for (const role of ['worker', 'judge', 'court_clerk', 'employer_agent', 'station_manager', 'donor'] as const)
      expect(keysFor(role)).not.toContain('laborParams');
    expect(MENU.filter((e) => e.public).map((e) => e.key)).toEqual(['calc']);
    expect(entryForPath('/calc')?.key).toBe('calc');
    expect(entryForPath('/labor-params')?.key).toBe('laborParams');
  });

  it('shows mediation settings to mediators, studio managers and administrators only', () => {
    for (const role of ['mediator', 'studio_manager', 'system_admin'] as const)
      expect(keysFor(role)).toContain('disputesSettings');
    for (const role of [
      'judge',
      'court_clerk',
      'union_staff',
      'worker',
      'employer_agent',
      'station_manager',
      'donor',
    ] as const)
      expect(keysFor(role)).not.toContain('disputesSettings');
    expect(entryForPath('/disputes/settings')?.key).toBe('disputesSettings');
  });

  it('never shows an entry without its permission', () => {
    for (const role of ROLES) {
      const perms = permissionsOf([role]);
      for (const e of visibleMenu(userWith(role))) expect(perms.has(e.permission)).toBe(true);
    }
  });

  it('gives an employer’s agent its own cases and nobody else that page', () => {
    expect(keysFor('employer_agent')).toContain('myCases');
    for (const role of ROLES.filter((r) => r !== 'employer_agent')) expect(keysFor(role)).not.toContain('myCases');
    expect(entryForPath('/my-cases')?.key).toBe('myCases');
  });

  it('gives an employer’s agent its enterprise’s fee refunds and nobody else that page', () => {
    for (const role of ROLES.filter((r) => r !== 'employer_agent')) expect(keysFor(role)).not.toContain('myFeeRefunds');
    expect(entryForPath('/my-fee-refunds')?.key).toBe('myFeeRefunds');
  });

  it('lands workers on their own page and others on Home', () => {
    expect(landingPath(userWith('worker'))).toBe('/me');
    expect(landingPath(userWith('union_staff'))).toBe('/');
  });

  it('finds the entry for nested paths', () => {
    expect(entryForPath('/employers/abc')?.key).toBe('employers');
    expect(entryForPath('/')?.key).toBe('home');
    expect(entryForPath('/nowhere')).toBeUndefined();
  });
});
