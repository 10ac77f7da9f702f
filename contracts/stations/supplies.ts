import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { nameText, plainText } from '../text.js';
import { SUPPLY_UNITS } from './codes.js';

/*
 * The stations' supplies and donations (物资与捐赠): items kept at a station (water, noodles,
 * raincoats, first-aid kits…), their stock, what was consumed, given by a donor company or
 * adjusted at a count, and the thank-you sent to the donor.
 */

export { SUPPLY_UNITS, type SupplyUnit } from './codes.js';

/** donation and consumed: a positive quantity, added or taken off; adjusted: either sign (a count). */
export const SUPPLY_MOVE_KINDS = ['donation', 'consumed', 'adjusted'] as const;
export type SupplyMoveKind = (typeof SUPPLY_MOVE_KINDS)[number];

const MAX_QUANTITY = 1_000_000;
const count = () => z.number().int().min(0).max(MAX_QUANTITY);

/** POST /api/stations/:code/supplies */
export const supplyItemInputSchema = z.object({
  name: nameText(1, 32),
  unit: z.enum(SUPPLY_UNITS),
  /** Below this the stock is low and the station's manager is texted. */
  lowAt: count(),
  stock: count().optional(),
});
export type SupplyItemInput = z.infer<typeof supplyItemInputSchema>;

/** POST /api/stations/:code/supplies/:id/moves */
export const supplyMoveInputSchema = z
  .object({
    kind: z.enum(SUPPLY_MOVE_KINDS),
    quantity: z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY),
    /** The item's version as read; a change made meanwhile answers 409. */
    expectedVersion: z.number().int().min(1).optional(),
    /** The donor company's own account (role donor)… */
    donorAccountId: z.uuid().optional(),
    /** …or the name of a company without one. */
    donorName: nameText(2, 64).optional(),
    note: plainText(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'adjusted' ? v.quantity === 0 : v.quantity <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message:
          v.kind === 'adjusted' ? '调整数量不能为 0 / an adjustment cannot be 0' : '数量须大于 0 / must be more than 0',
      });
    const donor = v.donorAccountId !== undefined || v.donorName !== undefined;
    if (v.kind === 'donation' && !donor)
      ctx.addIssue({
        code: 'custom',
        path: ['donorName'],
        message: '请选择捐赠企业或填写企业名称 / name the donor company',
      });
    if (v.kind === 'donation' && v.donorAccountId !== undefined && v.donorName !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['donorName'],
        message: '捐赠账号与企业名称只填一项 / give the donor account or the company name, not both',
      });
    if (v.kind !== 'donation' && donor)
      ctx.addIssue({
        code: 'custom',
        path: [v.donorAccountId !== undefined ? 'donorAccountId' : 'donorName'],
        message: '只有捐赠才填写捐赠企业 / only a donation names a donor',
      });
  });
export type SupplyMoveInput = z.infer<typeof supplyMoveInputSchema>;

/** POST /api/stations/:code/supplies/moves/:id/thank */
export const supplyThankInputSchema = z.object({
  note: plainText(200).min(2, '至少 2 个字 / at least 2 characters'),
});
export type SupplyThankInput = z.infer<typeof supplyThankInputSchema>;

export const supplyMovesQuerySchema = pageQuerySchema;

/** GET /api/stations/:code/donors?q=: the donation form's picker (the station's city, by name). */
export const donorChoicesQuerySchema = z.object({ q: plainText(40).optional() });
export type DonorChoicesQuery = z.infer<typeof donorChoicesQuerySchema>;
export const donorChoicesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), regionName: z.string().nullable() })),
});
export type DonorChoices = z.infer<typeof donorChoicesSchema>;
export const myDonationsQuerySchema = pageQuerySchema;

const lastMoveSchema = z.object({
  kind: z.enum(SUPPLY_MOVE_KINDS),
  quantity: z.number().int(),
  at: z.string(),
});

/** An item of a station with its stock; `low` when the stock is below `lowAt`. */
export const supplyItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.enum(SUPPLY_UNITS),
  stock: z.number().int(),
  lowAt: z.number().int(),
  low: z.boolean(),
  version: z.number().int(),
  lastMove: lastMoveSchema.nullable(),
});
export type SupplyItem = z.infer<typeof supplyItemSchema>;
export const supplyListSchema = z.object({ items: z.array(supplyItemSchema) });
export type SupplyList = z.infer<typeof supplyListSchema>;

/** A move as the station's staff see it, with the donor and the thank-you of a donation. */
export const supplyMoveSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  unit: z.enum(SUPPLY_UNITS),
  kind: z.enum(SUPPLY_MOVE_KINDS),
  quantity: z.number().int(),
  donorAccountId: z.string().nullable(),
  donorName: z.string().nullable(),
  thankedAt: z.string().nullable(),
  thankNote: z.string().nullable(),
  at: z.string(),
  recordedBy: z.string().nullable(),
});
export type SupplyMove = z.infer<typeof supplyMoveSchema>;
export const supplyMovePageSchema = pageOf(supplyMoveSchema);

/** A donation as the donor sees it on the donor's own page. */
export const myDonationSchema = z.object({
  id: z.string(),
  stationName: z.string(),
  itemName: z.string(),
  unit: z.enum(SUPPLY_UNITS),
  quantity: z.number().int(),
  at: z.string(),
  thankedAt: z.string().nullable(),
  thankNote: z.string().nullable(),
});
export type MyDonation = z.infer<typeof myDonationSchema>;
export const myDonationPageSchema = pageOf(myDonationSchema);
