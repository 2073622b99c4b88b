// GB 32100-2015 check character: real published codes, and properties over random codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../src/rules/helpers/uscc.js';

describe('unified social credit code', () => {
  it('accepts real published codes', () => {
    // Codes printed on public business licences.
    expect(checkUscc('91350100M000100Y43')).toBeUndefined();
    expect(checkUscc('91110000600037341L')).toBeUndefined();
  });

  it('names the expected check character of a mistyped code', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ problem: 'check', expected: '3' });
    expect(checkUscc('9135010')).toEqual({ problem: 'length' });
    expect(checkUscc('91350100M000100YI3')).toEqual({ problem: 'charset' });
  });

  it('computes GB 11714 organization-code check characters', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
  });

  it('property: appending the computed check character always yields a valid code; any other fails', () => {
    const ch = fc.constantFrom(...USCC_CHARSET);
    fc.assert(
      fc.property(fc.array(ch, { minLength: 17, maxLength: 17 }), ch, (chars, other) => {
        const body = chars.join('');
        const check = usccCheckChar(body)!;
        expect(checkUscc(body + check)).toBeUndefined();
        if (other !== check) expect(checkUscc(body + other)?.problem).toBe('check');
      }),
    );
  });
});
