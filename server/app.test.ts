import { describe, expect, it } from 'vitest';
import { requestForLog } from './app.js';

describe('request logging', () => {
  it('masks the employer link token in logged URLs', () => {
    expect(
      requestForLog({ method: 'GET', url: '/api/public/disputes/employer/AbCdEf0123456789_-xyzXYZ/answer' }).url,
    ).toBe('/api/public/disputes/employer/***/answer');
    expect(requestForLog({ method: 'GET', url: '/e/AbCdEf0123456789' }).url).toBe('/e/***');
  });

  it('keeps the path and the parameter names of the query string, never the values', () => {
    expect(requestForLog({ method: 'GET', url: '/api/disputes?stage=mediating' }).url).toBe('/api/disputes?stage=***');
    expect(requestForLog({ method: 'GET', url: '/api/people?q=110101199003077777&page=2' }).url).toBe(
      '/api/people?q=***&page=***',
    );
    expect(requestForLog({ method: 'GET', url: '/api/people?13912345678' }).url).toBe('/api/people?***=***');
    expect(requestForLog({ method: 'GET', url: '/e/AbCdEf0123456789?x=1' }).url).toBe('/e/***?x=***');
    expect(requestForLog({ method: 'GET', url: '/api/people' }).url).toBe('/api/people');
  });
});
