/**
 * What staff may read of a message sent to someone else: everything but the one-time secrets
 * in it. A mediator who could read a worker's SMS code could sign as the worker, and one who
 * could open the employer's link could answer for the employer. "验证码 123456" and "验证码为123456"
 * alike (the fee-refund code's wording).
 */
export function redactOneTimeSecrets(body: string): string {
  return body.replace(/(验证码[为是：:\s]*)\d{4,8}/g, '$1******').replace(/(\/e\/)[A-Za-z0-9_-]{16,}/g, '$1******');
}
