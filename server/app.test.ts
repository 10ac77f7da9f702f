import { describe, expect, it } from 'vitest';
import { requestForLog } from './app.js';

describe('request logging', () => {
  it('masks the employer link token in logged URLs', () => {
    expect(requestForLog({ method: 'GET', url: '/api/public/disputes/employer/AbCdEf0123456789_-xyzXYZ/answer' }).url).toBe('/api/public/disputes/employer/***/answer');
    expect(requestForLog({ method: 'GET', url: '/e/AbCdEf0123456789' }).url).toBe('/e/***');
    expect(requestForLog({ method: 'GET', url: '/api/disputes?stage=mediating' }).url).toBe('/api/disputes?stage=mediating');
  });
});
