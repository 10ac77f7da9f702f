import { describe, expect, it } from 'vitest';
import { regionTree, type RegionChild } from './regions';

const region = (code: string, level: RegionChild['level'], parentCode: string | null): RegionChild => ({
  code,
  name: code,
  fullName: code,
  level,
  parentCode,
  childCount: 0,
  inScope: true,
});

type Node = { code: string; children?: Node[]; leaf: boolean };
const make = (r: RegionChild, children: Node[] | undefined, leaf: boolean): Node => ({ code: r.code, children, leaf });

describe('the loaded part of the region tree', () => {
  it('shows the provinces before anything is opened, none of them a leaf', () => {
    const loaded = new Map([[null, [region('440000', 'province', null), region('110000', 'province', null)]]]);
    expect(regionTree(loaded, make)).toEqual([
      { code: '440000', children: undefined, leaf: false },
      { code: '110000', children: undefined, leaf: false },
    ]);
  });

  it('puts opened levels under their parent, and makes a city without counties a leaf (中山市)', () => {
    const loaded = new Map<string | null, RegionChild[]>([
      [null, [region('440000', 'province', null)]],
      ['440000', [region('442000', 'city', '440000'), region('440100', 'city', '440000')]],
      ['442000', []],
      ['440100', [region('440106', 'county', '440100')]],
    ]);
    expect(regionTree(loaded, make)).toEqual([
      {
        code: '440000',
        leaf: false,
        children: [
          { code: '442000', children: undefined, leaf: true },
          { code: '440100', leaf: false, children: [{ code: '440106', children: undefined, leaf: true }] },
        ],
      },
    ]);
  });
});
