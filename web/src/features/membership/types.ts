import type { z } from 'zod';
import type {
  applicationAnswerSchema,
  applicationInputSchema,
  applicationListQuerySchema,
  applicationRowSchema,
  bulkApproveAnswerSchema,
  joiningOrganizationSchema,
  leaveSchema,
  memberCardSchema,
  memberListQuerySchema,
  memberRecordSchema,
  memberRowSchema,
  memberSessionSchema,
  memberUpdateSchema,
  verifiedCardSchema,
} from '../../../../contracts/membership/api';

// The shapes of the membership API, from its schemas (contracts/membership/api.ts; types only:
// the pages must not load zod at run time). Codes and their labels come from codes.ts, zod-free.

/** GET /api/public/membership/organizations/:code: the union a joining link names. */
export type JoiningOrganization = z.infer<typeof joiningOrganizationSchema>;
/** What the joining page sends (POST /api/public/membership/applications). */
export type ApplicationInput = z.input<typeof applicationInputSchema>;
export type ApplicationAnswer = z.infer<typeof applicationAnswerSchema>;
export type MemberSession = z.infer<typeof memberSessionSchema>;
export type MemberCard = z.infer<typeof memberCardSchema>;

/** A row of the approval queue (GET /api/membership/applications). */
export type ApplicationRow = z.infer<typeof applicationRowSchema>;
/** The queue's filters (the list adds the page). */
export type ApplicationFilter = Omit<z.input<typeof applicationListQuerySchema>, 'page' | 'pageSize'>;
export type BulkApproveAnswer = z.infer<typeof bulkApproveAnswerSchema>;

/** A row of the register (GET /api/membership/members). */
export type MemberRow = z.infer<typeof memberRowSchema>;
export type MemberFilter = Omit<z.input<typeof memberListQuerySchema>, 'page' | 'pageSize'>;
/** A member with the history of their stays (GET /api/membership/members/:id). */
export type MemberRecord = z.infer<typeof memberRecordSchema>;
export type MemberUpdate = z.input<typeof memberUpdateSchema>;
export type LeaveInput = z.input<typeof leaveSchema>;
export type VerifiedCard = z.infer<typeof verifiedCardSchema>;
