import { describe, expect, it } from 'vitest';
import { looksLikeEmail } from './email';

describe('looksLikeEmail', () => {
  it('accepts plain addresses only', () => {
    expect(looksLikeEmail('pm@customer.example')).toBe(true);
    expect(looksLikeEmail(' a.b@c.cn ')).toBe(true);
    expect(looksLikeEmail('not an address')).toBe(false);
    expect(looksLikeEmail('x@y')).toBe(false);
    expect(looksLikeEmail('张三 <a@b.cn>')).toBe(false);
  });
});
