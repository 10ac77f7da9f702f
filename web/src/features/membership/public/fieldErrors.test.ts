import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../../app/api';
import { refusedField } from './fieldErrors';

const FIELDS = ['name', 'residentId', 'otp'] as const;
const refusal = (status: number, field?: string) =>
  new ApiRequestError(status, { code: 'VALIDATION', message: '不对', messageEn: 'Wrong', field, requestId: '' });

describe('a refusal shown on its field', () => {
  it('is a 400 naming one of the form’s fields', () => {
    expect(refusedField(refusal(400, 'residentId'), FIELDS)).toBe('residentId');
  });

  it('is not a conflict about the person, a field the form lacks, or a failure without a field', () => {
    expect(refusedField(refusal(409, 'residentId'), FIELDS)).toBeNull();
    expect(refusedField(refusal(400, 'visitId'), FIELDS)).toBeNull();
    expect(refusedField(refusal(429), FIELDS)).toBeNull();
    expect(refusedField(new Error('offline'), FIELDS)).toBeNull();
  });
});
