/** Internal result types shared by the rule files. */
import type { LaborLawItemCode, LaborLawItemDetail, LaborLawWarningCode } from '../../../../contracts/labor-law.js';
import type { Text } from './explain.js';

export type Severity = 'info' | 'warning' | 'critical';

export interface EngineWarning {
  code: LaborLawWarningCode;
  severity: Severity;
  text: Text;
}

export interface EngineItem {
  code: LaborLawItemCode;
  /** integer fen, rounded half up once from the exact amount */
  amountFen: number;
  basis: string[];
  explanation: Text;
  detail?: LaborLawItemDetail;
}

export interface RuleResult {
  items: EngineItem[];
  warnings: EngineWarning[];
}

export function warning(code: LaborLawWarningCode, severity: Severity, zh: string, en: string): EngineWarning {
  return { code, severity, text: { zh, en } };
}
