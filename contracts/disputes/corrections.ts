import { z } from 'zod';
import { claimsSchema, employmentSchema, mobilePhone, serviceFields } from '../disputes.js';
import { nameText, plainText } from '../text.js';

/**
 * POST /api/disputes/:id/corrections: the mediator corrects what was registered (a party's name
 * typed wrong, the wrong hire date, a claim left out). In a party, a field left out stays as it
 * is and `null` clears it; the employment facts and the claims, when given, replace the whole
 * block (the form sends all of it, and the rules between its fields are checked together).
 * The rules on when which field may still change are server/modules/disputes/rules/corrections.ts.
 */

/** Fields that reach a party, not who the party is: they may be corrected up to the end of the case. */
export const CONTACT_FIELDS = ['phone', 'email', 'address', 'serviceAddress', 'representative', 'agent'] as const;
/** Who the party is: signed documents name it, so it is corrected before anyone signs. */
export const IDENTITY_FIELDS = ['name', 'uscc'] as const;
export type PartyField = (typeof CONTACT_FIELDS)[number] | (typeof IDENTITY_FIELDS)[number];

const email = z.string().trim().email('邮箱格式不正确 / invalid e-mail address').max(128);

export const partyCorrectionSchema = z
  .object({
    /** The party's id in the case (`worker`, `employer`, or the hiring chain's id). */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: nameText(1, 128).optional(),
    uscc: z.string().trim().max(18).nullable().optional(),
    phone: mobilePhone.nullable().optional(),
    email: email.nullable().optional(),
    address: serviceFields.address.unwrap().nullable().optional(),
    serviceAddress: serviceFields.serviceAddress.unwrap().nullable().optional(),
    representative: serviceFields.representative.unwrap().nullable().optional(),
    agent: serviceFields.agent.unwrap().nullable().optional(),
  })
  .strict();
export type PartyCorrection = z.infer<typeof partyCorrectionSchema>;

export const correctionBodySchema = z
  .object({
    /** The case version the mediator corrected; another one means the case changed meanwhile. */
    version: z.number().int().min(1),
    /** Why: kept with the event and the audit record. */
    reason: plainText(200).min(2, '请说明更正原因 / give the reason for the correction'),
    parties: z.array(partyCorrectionSchema).max(13).optional(),
    employment: employmentSchema.optional(),
    claims: claimsSchema.optional(),
    /** The mediator compared a USCC that fails its check character with the licence and keeps it. */
    acceptUsccWarning: z.boolean().default(false),
  })
  .refine((b) => b.parties?.length || b.employment || b.claims, {
    message: '请填写要更正的内容 / nothing to correct',
    path: ['parties'],
  });
export type CorrectionBody = z.infer<typeof correctionBodySchema>;
export type CorrectionInput = z.input<typeof correctionBodySchema>;

/** One field as it was and as it is now, in the event and the audit record. */
export interface FieldChange {
  /** `parties.employer.name`, `employment.hireDate`, `claims`. */
  field: string;
  before: unknown;
  after: unknown;
}
