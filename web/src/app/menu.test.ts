import { describe, expect, it } from 'vitest';
import { ROLES, permissionsOf, type Role } from '../../../contracts/roles';
import { MENU, entryForPath, landingPath, visibleMenu } from './menu';

const userWith = (...roles: Role[]) => ({ roles, permissions: [...permissionsOf(roles)] });
const keysFor = (...roles: Role[]) => visibleMenu(userWith(...roles)).map((e) => e.key);

describe('menu', () => {
  it('gives a worker only Home and Me', () => {
    expect(keysFor('worker')).toEqual(['home', 'me']);
  });

  it('gives a system administrator everything except the worker page', () => {
    const keys = keysFor('system_admin');
    expect(keys).toEqual(MENU.map((e) => e.key).filter((k) => k !== 'me'));
    expect(keys).toContain('accounts');
    expect(keys).toContain('audit');
  });

  it('keeps courts away from donors, employers and stations but shows them to court staff', () => {
    for (const role of ['donor', 'employer_agent', 'station_manager'] as const) expect(keysFor(role)).not.toContain('courts');
    expect(keysFor('judge')).toContain('courts');
    expect(keysFor('employer_agent')).toEqual(['home', 'employers']);
  });

  it('shows union staff their management pages but not accounts or audit', () => {
    const keys = keysFor('union_staff');
    expect(keys).toEqual(expect.arrayContaining(['organizations', 'employers', 'people', 'regions']));
    expect(keys).not.toContain('accounts');
    expect(keys).not.toContain('audit');
  });

  it('never shows an entry without its permission', () => {
    for (const role of ROLES) {
      const perms = permissionsOf([role]);
      for (const e of visibleMenu(userWith(role))) expect(perms.has(e.permission)).toBe(true);
    }
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
