import { describe, expect, it } from '@jest/globals';
import { createAccessRules } from '../../src/auth/accessRules.js';
import { resolvePurpose } from '../../src/auth/resolvePurpose.js';
import { contextFor, principalFor } from './fixtures/principals.js';
import { registry } from './fixtures/tokens.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe('resolvePurpose', () => {
  it('accepts a purpose the client is granted, with its case id', () => {
    expect(
      resolvePurpose(
        principalFor('partner-police'),
        headers({ 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV-2026/118' }),
        registry(),
      ),
    ).toEqual({
      ok: true,
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'VV-2026/118',
    });
  });

  it('refuses an unknown purpose with its reason, without echoing it', () => {
    const result = resolvePurpose(
      principalFor('partner-police'),
      headers({ 'x-purpose': '<script>' }),
      registry(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.denial).toMatchObject({ code: 'FORBIDDEN', coordinate: 'X-Purpose' });
    expect(result.denial.reason).toMatch(/^unknown purpose; known purposes: LAW_ENFORCEMENT, PUBLIC_HEALTH/);
    expect(result.denial.reason).not.toContain('<script>');
  });

  it('refuses a known purpose the client is not granted', () => {
    const result = resolvePurpose(
      principalFor('partner-health'),
      headers({ 'x-purpose': 'LAW_ENFORCEMENT' }),
      registry(),
    );
    expect(result.ok ? undefined : result.denial.reason).toBe(
      'purpose LAW_ENFORCEMENT (Phòng ngừa, điều tra, xử lý vi phạm pháp luật và bảo đảm an ninh, trật tự) is not granted to this client',
    );
  });

  it('declares no purpose when the header is absent', () => {
    expect(resolvePurpose(principalFor('partner-health'), headers({}), registry())).toEqual({ ok: true });
  });
});

describe('canUnmask', () => {
  const rules = createAccessRules();
  it('unmasks only with pii:read, personal data allowed by the registry and an allowed purpose', () => {
    expect(rules.canUnmask(contextFor('partner-police', 'LAW_ENFORCEMENT'))).toBe(true);
    expect(rules.canUnmask(contextFor('partner-police'))).toBe(false);
    expect(rules.canUnmask(contextFor('partner-police', 'PUBLIC_HEALTH'))).toBe(false);
    expect(
      rules.canUnmask(contextFor('partner-police', 'LAW_ENFORCEMENT', { scopes: new Set(['police:read']) })),
    ).toBe(false);
    expect(rules.canUnmask(contextFor('ioc-dashboard', 'LAW_ENFORCEMENT'))).toBe(false);
    expect(rules.canUnmask(contextFor(null, 'LAW_ENFORCEMENT'))).toBe(false);
  });
});
