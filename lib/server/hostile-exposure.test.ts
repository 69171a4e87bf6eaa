// Exposure on a shared server: loopback unless HOST says otherwise, and listings and facets bounded.
import { describe, expect, it } from 'vitest';
import { config } from '../config';
import { parseParams, ParamError } from '../filters/schema';

describe('exposure', () => {
  it('listens on 127.0.0.1 unless HOST names another address', () => {
    expect(config({} as NodeJS.ProcessEnv).host).toBe('127.0.0.1');
    expect(config({ HOST: '   ' } as unknown as NodeJS.ProcessEnv).host).toBe('127.0.0.1');
    expect(config({ HOST: '0.0.0.0' } as unknown as NodeJS.ProcessEnv).host).toBe('0.0.0.0');
  });

  it('bounds a page of results at 200 rows', () => {
    expect(parseParams(new URLSearchParams('limit=200')).listing.limit).toBe(200);
    expect(() => parseParams(new URLSearchParams('limit=201'))).toThrow(ParamError);
    expect(() => parseParams(new URLSearchParams('limit=0'))).toThrow(ParamError);
  });
});
