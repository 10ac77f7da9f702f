import { employersImportKind } from '../employers/import-kind.js';
import { bankCreditsImportKind } from '../fee-refunds/bank/import-kind.js';
import { enterprisesImportKind } from '../fee-refunds/registry/import-kind.js';
import { taxImportKind } from '../fee-refunds/tax/import-kind.js';
import { insuranceImportKind } from '../membership/insurance/import-kind.js';
import type { AnyImportKind } from './define.js';

/** Every import kind, defined by the module that owns its records. A new kind is one line here. */
const KINDS: AnyImportKind[] = [
  employersImportKind,
  enterprisesImportKind,
  taxImportKind,
  bankCreditsImportKind,
  insuranceImportKind,
];

export function importKind(kind: string): AnyImportKind | null {
  return KINDS.find((k) => k.kind === kind) ?? null;
}

export function allImportKinds(): AnyImportKind[] {
  return KINDS;
}
