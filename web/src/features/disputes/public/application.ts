// The worker's online application in plain words → the same intake body the counter uses.
import type { IntakeInput, Sector } from '../../../../../contracts/disputes';
import { parseYuanToFen } from '../../labor-law/money';

export interface ApplyValues {
  /** The studio that takes the application (chosen when the platform has more than one). */
  mediationBodyId?: string;
  name?: string;
  phone?: string;
  residentId?: string;
  employerName?: string;
  employerPhone?: string;
  /** Worked on a building site. */
  onSite?: boolean;
  /** Who hired the worker: a crew boss (包工头) or a company. */
  hiredBy?: 'boss' | 'company';
  bossReachable?: boolean;
  /** The general contractor or whoever contracted the work out (总包单位/发包方), if known. */
  contractorName?: string;
  sector?: string;
  hireDate?: string;
  stillWorking?: boolean;
  endDate?: string;
  monthlyWage?: string;
  contractSigned?: boolean;
  /** Claim type → yuan as typed, for the ticked ones. */
  claims?: string[];
  amounts?: Record<string, string | undefined>;
  narrative?: string;
}

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

export function buildApplication(v: ApplyValues): IntakeInput {
  const construction = !!v.onSite;
  const boss = construction && v.hiredBy === 'boss';
  const contractor = text(v.contractorName);
  const body: IntakeInput = {
    channel: 'online',
    oral: false,
    mediationBodyId: v.mediationBodyId,
    worker: { name: text(v.name) ?? '', phone: text(v.phone) ?? '', residentId: text(v.residentId)?.toUpperCase() },
    employer: { name: text(v.employerName) ?? '', contactPhone: text(v.employerPhone) },
    employment: {
      hireDate: v.hireDate ?? '',
      endDate: v.stillWorking ? null : (text(v.endDate) ?? null),
      wageStructure: 'monthly',
      monthlyWageFen: parseYuanToFen(v.monthlyWage) ?? 0,
      workingHours: 'standard',
      contractSigned: !!v.contractSigned,
      contractSignedDate: null,
    },
    // Off a building site the form asks for the sector; the server refuses a missing one.
    sector: construction ? 'construction' : ((v.sector ?? '') as Sector),
    claims: (v.claims ?? []).map((type) => ({
      type: type as IntakeInput['claims'][number]['type'],
      amountFen: parseYuanToFen(v.amounts?.[type]) ?? 0,
      description: '',
    })),
    narrative: text(v.narrative) ?? '',
  };
  // A crew boss cannot lawfully employ: the unit that contracted the work to him pays (条例第三十六条).
  if (boss && contractor) {
    body.construction = {
      parties: [
        { id: 'contractor', name: contractor, role: 'general_contractor' },
        {
          id: 'boss',
          name: text(v.employerName) ?? '包工头',
          role: 'crew_boss',
          contractedBy: 'contractor',
          contractType: 'contract',
          isIndividualOrUnqualified: true,
        },
      ],
      hiredWorker: 'boss',
      crewBossReachable: v.bossReachable ?? true,
      developerPaidProjectFunds: 'unknown',
    };
  }
  return body;
}

/** The step of the phone form an API error's field belongs to (0 you, 1 employer, 2 work, 3 claims). */
export function stepOfField(field: string | undefined): number {
  if (!field) return 3;
  if (field.startsWith('worker')) return 0;
  if (
    field.startsWith('employer') ||
    field.startsWith('construction') ||
    field === 'sector' ||
    field === 'mediationBodyId'
  )
    return 1;
  if (field.startsWith('employment')) return 2;
  return 3;
}
