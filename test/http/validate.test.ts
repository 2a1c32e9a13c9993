import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../../src/core/errors.js';
import { BINDIST_ROUTES } from '../../src/http/bindist/schemas/routes.js';
import { FAYNOSYNC_NAMED, FAYNOSYNC_ROUTES } from '../../src/http/faynosync/schemas/routes.js';
import { parseWith } from '../../src/http/shared/validate.js';

/** The message of the face's 400 for `value`, or undefined when it passes. */
function refusal(face: 'faynosync' | 'bindist', schema: z.ZodType, value: unknown): string | undefined {
  try {
    parseWith(face, schema, value);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('invalid');
    return (err as Error).message;
  }
}

describe('FaynoSync schemas', () => {
  const search = FAYNOSYNC_ROUTES.search.input.query;

  it('read string booleans in any case, as FaynoSync clients send them, and "" as absent', () => {
    expect(parseWith('faynosync', search, { published: 'TRUE', critical: 'false' })).toMatchObject({
      published: true,
      critical: false,
    });
    expect(parseWith('faynosync', search, { published: '' }).published).toBeUndefined();
    expect(refusal('faynosync', search, { published: 'yes' })).toBe('published must be true or false');
  });

  it('apply page limits with defaults, and refuse a repeated query key', () => {
    expect(parseWith('faynosync', search, {})).toMatchObject({ page: 1, limit: 9 });
    expect(parseWith('faynosync', search, { limit: '100' }).limit).toBe(100);
    expect(refusal('faynosync', search, { limit: '101' })).toBe('limit must be a whole number from 1 to 100');
    expect(refusal('faynosync', search, { limit: '0' })).toBe('limit must be a whole number from 1 to 100');
    expect(refusal('faynosync', search, { app_name: ['a', 'b'] })).toBe('app_name must be given once');
  });

  it('check ids by core’s rule and lower-case them', () => {
    const query = FAYNOSYNC_ROUTES.deleteApp.input.query;
    expect(parseWith('faynosync', query, { id: '653A7B2C9D1E4F0A1B2C3D4E' }).id).toBe(
      '653a7b2c9d1e4f0a1b2c3d4e',
    );
    expect(() => parseWith('faynosync', query, { id: 'nope' })).toThrow(/24-character hex id/);
    expect(refusal('faynosync', query, {})).toBe('id is required');
  });

  it('ignore unknown fields (FaynoSync’s clients send more than a route reads)', () => {
    const body = FAYNOSYNC_NAMED.channel.create.input.body;
    expect(parseWith('faynosync', body, { channel: 'beta', owner: 'x', extra: 1 })).toEqual({
      channel: 'beta',
    });
  });

  it('answer a body that is not an object with FaynoSync’s message', () => {
    expect(refusal('faynosync', FAYNOSYNC_ROUTES.login.input.body, [1])).toBe(
      'invalid request body: send a JSON object',
    );
  });

  it('take redirect as 1/0 or true/false only', () => {
    const query = FAYNOSYNC_ROUTES.download.input.query;
    expect(parseWith('faynosync', query, { key: 'k', redirect: '1' }).redirect).toBe(true);
    expect(parseWith('faynosync', query, { key: 'k', redirect: 'false' }).redirect).toBe(false);
    expect(refusal('faynosync', query, { redirect: 'yes' })).toMatch(/^redirect must be 1/);
  });
});

describe('BinDist schemas', () => {
  it('prefix messages with BinDist’s "Validation failed: " and name the field', () => {
    const body = BINDIST_ROUTES.createCustomer.input.body;
    expect(refusal('bindist', body, {})).toBe('Validation failed: "name" is required');
    expect(refusal('bindist', body, { name: 'x'.repeat(201) })).toBe(
      'Validation failed: "name" must be at most 200 characters long',
    );
  });

  it('take booleans and numbers from JSON and from query strings', () => {
    const query = BINDIST_ROUTES.listApplications.input.query;
    expect(parseWith('bindist', query, { isActive: 'false', page: '2', pageSize: '5' })).toMatchObject({
      isActive: false,
      page: 2,
      pageSize: 5,
      sortBy: 'name',
      sortOrder: 'asc',
    });
    const body = BINDIST_ROUTES.updateCustomer.input.body;
    expect(parseWith('bindist', body, { isActive: true }).isActive).toBe(true);
    expect(refusal('bindist', body, { isActive: 'yes' })).toBe(
      'Validation failed: "isActive" must be true or false',
    );
  });

  it('clear optional text with null or "", and leave it unchanged when absent', () => {
    const body = BINDIST_ROUTES.updateCustomer.input.body;
    expect(parseWith('bindist', body, { notes: '' }).notes).toBeNull();
    expect(parseWith('bindist', body, { notes: null }).notes).toBeNull();
    expect('notes' in parseWith('bindist', body, { name: 'a' })).toBe(false);
  });

  it('read choices in any case and return their canonical spelling', () => {
    const query = BINDIST_ROUTES.listApplications.input.query;
    expect(parseWith('bindist', query, { sortBy: 'CREATEDAT' }).sortBy).toBe('createdAt');
    expect(refusal('bindist', query, { sortBy: 'size' })).toBe(
      'Validation failed: "sortBy" must be one of name, createdAt, updatedAt',
    );
    const body = BINDIST_ROUTES.updateVersion.input.body;
    expect(parseWith('bindist', body, { requiredTier: 'premium' }).requiredTier).toBe('Premium');
  });

  it('keep share-link minutes within 5 to 1440 and refuse two different spellings', () => {
    const body = BINDIST_ROUTES.createShareLink.input.body;
    const base = { applicationId: 'app', version: '1.0.0' };
    expect(parseWith('bindist', body, { ...base, expiresMinutes: 60 }).expiresMinutes).toBe(60);
    expect(refusal('bindist', body, { ...base, expiresInMinutes: 4 })).toMatch(/from 5 to 1440/);
    expect(refusal('bindist', body, { ...base, expiresInMinutes: 10, expiresMinutes: 20 })).toMatch(
      /either "expiresInMinutes" or "expiresMinutes"/,
    );
  });

  it('normalise a checksum and refuse one that is not SHA-256', () => {
    const body = BINDIST_ROUTES.largeComplete.input.body;
    const base = {
      uploadId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      applicationId: 'app',
      version: '1.0.0',
      fileName: 'a.exe',
      fileSize: '10',
    };
    const hex = 'A'.repeat(64);
    expect(parseWith('bindist', body, { ...base, checksum: `sha256:${hex}` })).toMatchObject({
      checksum: 'a'.repeat(64),
      fileSize: 10,
    });
    expect(refusal('bindist', body, { ...base, checksum: 'abc' })).toMatch(/64 hexadecimal/);
  });
});

describe('the schemas describe the API', () => {
  it('convert to JSON Schema with types, limits and enums (the source of the OpenAPI document)', () => {
    const schema = z.toJSONSchema(BINDIST_ROUTES.createCustomer.input.body, { io: 'input' }) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(schema.required).toEqual(['name']);
    expect(schema.properties.name).toMatchObject({ type: 'string', maxLength: 200 });
    const search = z.toJSONSchema(FAYNOSYNC_ROUTES.search.input.query, { io: 'input' }) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(search.properties.limit).toMatchObject({ type: 'string', description: '1 to 100 (default 9)' });
  });
});
