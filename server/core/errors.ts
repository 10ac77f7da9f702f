import { ERROR_STATUS, type ErrorCode } from '../../contracts/errors.js';

/** The one error type services throw. Messages are for people: Chinese first, English beside. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn: string,
    readonly field?: string,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const errors = {
  notFound: (what: string, whatEn: string) =>
    new AppError('NOT_FOUND', `${what}不存在或无权查看`, `${whatEn} not found`),
  forbidden: () => new AppError('FORBIDDEN', '没有权限执行此操作', 'You do not have permission for this action'),
  unauthenticated: () => new AppError('UNAUTHENTICATED', '请先登录', 'Please sign in first'),
  validation: (field: string, message: string, messageEn: string) =>
    new AppError('VALIDATION', message, messageEn, field),
  conflict: (message: string, messageEn: string, field?: string) => new AppError('CONFLICT', message, messageEn, field),
};
