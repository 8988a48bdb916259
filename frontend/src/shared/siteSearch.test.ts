import { describe, expect, it } from 'vitest';
import { matchSite, siteOption } from './siteSearch';

describe('site search', () => {
  const site = siteOption({ id: 1, name: '城关站', address: '示范县城关镇解放路1号' });

  it('matches the address, not only the name', () => {
    expect(matchSite('县', site)).toBe(true);
    expect(matchSite('解放路', site)).toBe(true);
    expect(matchSite('城关站', site)).toBe(true);
  });

  it('does not match what neither holds', () => {
    expect(matchSite('市区', site)).toBe(false);
  });

  it('ignores case and surrounding spaces', () => {
    expect(matchSite(' road ', siteOption({ id: 2, name: 'North', address: 'Main ROAD 2' }))).toBe(true);
  });
});
