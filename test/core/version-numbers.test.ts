import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { compareVersionText, parseVersion } from '../../src/core/version-numbers.js';

describe('parseVersion', () => {
  it('normalises FaynoSync build numbers written with a dash', () => {
    expect(parseVersion('0.0.2-137').text).toBe('0.0.2.137');
    expect(parseVersion('1-2').text).toBe('1.2');
    expect(parseVersion('1.2.3-beta.1').text).toBe('1.2.3-beta.1');
    expect(parseVersion('1.2.3.4-5').pre).toEqual([5]);
  });

  it.each([
    '',
    'v1.2',
    '1..2',
    '1.2.3.4.5',
    '01.2',
    '1.2-',
    '1.2-beta..1',
    '1.2+build',
    ' 1.2',
    '1.2/3',
    'x'.repeat(500),
    '1.2\u0000',
  ])('refuses %j with a message that says what a version looks like', (bad) => {
    expect(() => parseVersion(bad)).toThrow(DomainError);
  });
});

describe('compareVersions', () => {
  const ordered = [
    '0.9',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.0.1',
    '1.0.1',
    '1.2',
    '1.10',
    '2.0.0.0',
  ];
  it('orders 4-part versions and semver pre-releases', () => {
    for (let i = 0; i + 1 < ordered.length; i++) {
      const a = ordered[i] as string;
      const b = ordered[i + 1] as string;
      expect(compareVersionText(a, b), `${a} < ${b}`).toBe(-1);
      expect(compareVersionText(b, a), `${b} > ${a}`).toBe(1);
    }
    expect(compareVersionText('1.2', '1.2.0.0')).toBe(0);
    expect(compareVersionText('0.0.10.138', '0.0.9.137')).toBe(1);
  });
});
