// One list of error codes with their HTTP status; the server maps AppError through it
// and the web shows `message` (Chinese) or `messageEn` depending on the language switch.
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** The input is acceptable only if the user confirms a warning (e.g. a USCC check mismatch). */
  CONFIRMATION_REQUIRED: 422,
  /** A part of the API that is named in its contract but not built yet (e.g. a fee-refund file kind). */
  NOT_AVAILABLE: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiError {
  code: ErrorCode;
  message: string;
  messageEn: string;
  field?: string;
  requestId: string;
}
