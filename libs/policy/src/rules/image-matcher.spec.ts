import { describe, expect, it } from '@jest/globals';
import { RHEL_7, WINDOWS_2012, WINDOWS_8_1 } from '../testing/policy-fixtures.js';
import { describeImage, describeMatcher, matchesImage } from './image-matcher.js';

const withVersion = (version: string) => ({ ...WINDOWS_8_1, version });

describe('image matcher', () => {
  it('matches a version prefix at version boundaries only', () => {
    const windows8 = { versionPrefix: '8' };
    expect(['8', '8.1', '8 SP1', '8-rc2'].map((v) => matchesImage(windows8, withVersion(v)))).toEqual([true, true, true, true]);
    expect(['80', '8a', '18', '2012 R2'].map((v) => matchesImage(windows8, withVersion(v)))).toEqual([false, false, false, false]);
  });

  it('takes a prefix ending in a separator literally', () => {
    expect(matchesImage({ versionPrefix: '8.' }, withVersion('8.1'))).toBe(true);
    expect(matchesImage({ versionPrefix: '8.' }, withVersion('8'))).toBe(false);
  });

  it('compares vendors without regard to case, and families exactly', () => {
    expect(matchesImage({ vendor: 'microsoft ' }, WINDOWS_8_1)).toBe(true);
    expect(matchesImage({ vendor: 'Microsoft' }, RHEL_7)).toBe(false);
    expect(matchesImage({ osFamily: 'linux' }, RHEL_7)).toBe(true);
    expect(matchesImage({ osFamily: 'linux' }, WINDOWS_8_1)).toBe(false);
  });

  it('needs every field given to match', () => {
    const windows8 = { vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' } as const;
    expect(matchesImage(windows8, WINDOWS_8_1)).toBe(true);
    expect(matchesImage(windows8, WINDOWS_2012)).toBe(false);
    expect(matchesImage({ ...windows8, osFamily: 'linux' }, WINDOWS_8_1)).toBe(false);
  });

  it('describes matchers and images in words', () => {
    expect(describeMatcher({ vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' })).toBe('Microsoft windows version 8');
    expect(describeMatcher({ osFamily: 'windows' })).toBe('windows');
    expect(describeImage(WINDOWS_8_1)).toBe("'Windows 8.1 Enterprise' (Microsoft windows 8.1)");
  });
});
