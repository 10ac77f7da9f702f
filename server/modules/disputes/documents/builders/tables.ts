/** Tables shared by several documents. */
import { formatDateTime, yuanDigits } from '../format.js';
import type { Block } from '../../../../core/documents/model.js';
import type { AnalysisItem, Claim, EvidenceItem, MediationSession } from '../types.js';
import { CLAIM_LABELS } from './common.js';

export function evidenceTable(evidence: EvidenceItem[]): Block {
  return {
    type: 'table',
    columns: [
      { header: '序号', width: 1.3, align: 'center' },
      { header: '证据名称', width: 4 },
      { header: '提供方', width: 2, align: 'center' },
      { header: '证明目的', width: 5 },
      { header: '形式', width: 1.6, align: 'center' },
      { header: '页数', width: 1.1, align: 'center' },
    ],
    rows: evidence.map((e, i) => [
      String(i + 1),
      e.name,
      e.providedBy,
      e.purpose,
      e.form ?? '',
      e.pages === undefined ? '' : String(e.pages),
    ]),
  };
}

export function analysisTable(items: AnalysisItem[]): Block {
  const total = items.reduce((s, i) => s + i.amountFen, 0);
  return {
    type: 'table',
    columns: [
      { header: '序号', width: 1.3, align: 'center' },
      { header: '项目', width: 2.6 },
      { header: '金额（元）', width: 2.4, align: 'right' },
      { header: '计算说明', width: 5.5 },
      { header: '法律依据', width: 4 },
    ],
    rows: items.map((it, i) => [
      String(i + 1),
      it.label,
      yuanDigits(it.amountFen),
      it.explanation,
      it.basis.join('；'),
    ]),
    totalRow: ['', '合计', yuanDigits(total), '', ''],
  };
}

export function claimsTable(claims: Claim[]): Block {
  const total = claims.reduce((s, c) => s + c.amountFen, 0);
  return {
    type: 'table',
    columns: [
      { header: '序号', width: 1.3, align: 'center' },
      { header: '请求类型', width: 3.5 },
      { header: '请求内容', width: 6 },
      { header: '金额（元）', width: 2.6, align: 'right' },
    ],
    rows: claims.map((c, i) => [String(i + 1), CLAIM_LABELS[c.type], c.description, yuanDigits(c.amountFen)]),
    totalRow: ['', '合计', '', yuanDigits(total)],
  };
}

const MODE_LABELS: Record<MediationSession['mode'], string> = { 'in-person': '现场', phone: '电话', video: '视频' };

export const sessionModeLabel = (m: MediationSession['mode']): string => MODE_LABELS[m];

export function sessionsTable(sessions: MediationSession[]): Block {
  return {
    type: 'table',
    columns: [
      { header: '序号', width: 1.3, align: 'center' },
      { header: '时间', width: 3.2, align: 'center' },
      { header: '方式', width: 1.4, align: 'center' },
      { header: '调解人员', width: 3 },
      { header: '参加人员', width: 4 },
      { header: '结果', width: 3 },
    ],
    rows: sessions.map((s, i) => [
      String(i + 1),
      formatDateTime(s.startedAt),
      MODE_LABELS[s.mode],
      [...s.mediators, ...(s.judge ? [`${s.judge}（法官）`] : [])].join('、'),
      s.attendees.join('、'),
      s.result ?? '',
    ]),
  };
}
