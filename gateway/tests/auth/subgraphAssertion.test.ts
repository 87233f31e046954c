import { describe, expect, it } from '@jest/globals';
import {
  createGatewayAssertionVerifier,
  GatewayAssertionError,
  type GatewayAssertionFailure,
} from '@lgsp/schema';
import { createSubgraphAssertionSigner, generateAssertionKeyPair } from '../../src/auth/subgraphAssertion.js';
import { contextFor } from './fixtures/principals.js';

function failureOf(run: () => unknown): GatewayAssertionFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayAssertionError) return error.failure;
    throw error;
  }
  throw new Error('the assertion was accepted');
}

describe('gateway → subgraph assertion', () => {
  const signer = createSubgraphAssertionSigner();
  const police = createGatewayAssertionVerifier({ keys: signer.publicJwks.keys, audience: 'police' });
  const context = contextFor('partner-police', 'LAW_ENFORCEMENT');

  it('carries the verified principal, purpose and request id to the subgraph', () => {
    const assertion = police.verify(signer.sign({ ...context, caseId: 'VV-118' }, 'police', 'req-1'));
    expect(assertion).toMatchObject({
      iss: 'lgsp-gateway',
      aud: 'police',
      principal: 'client',
      azp: 'partner-police',
      sub: 'service-account-partner-police',
      agency: 'CA-HB',
      scope: ['catalog:read', 'pii:read', 'police:read'],
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'VV-118',
      rid: 'req-1',
    });
    expect(assertion.exp - assertion.iat).toBe(60);
  });

  it('asserts an anonymous caller as such, with no scopes', () => {
    expect(police.verify(signer.sign(contextFor(null), 'police'))).toMatchObject({
      principal: 'anonymous',
      scope: [],
    });
  });

  it('refuses a request that did not come through the gateway', () => {
    expect(failureOf(() => police.verify(undefined))).toBe('ASSERTION_MISSING');
    expect(failureOf(() => police.verify(''))).toBe('ASSERTION_MISSING');
  });

  it('refuses an assertion addressed to another subgraph (no replay across subgraphs)', () => {
    expect(failureOf(() => police.verify(signer.sign(context, 'health')))).toBe('ASSERTION_WRONG_AUDIENCE');
  });

  it('refuses an expired assertion', () => {
    const token = signer.sign(context, 'police');
    expect(failureOf(() => police.verify(token, Math.floor(Date.now() / 1000) + 120))).toBe(
      'ASSERTION_EXPIRED',
    );
  });

  it('refuses a tampered assertion (scopes added)', () => {
    const [header, payload, signature] = signer.sign(contextFor('partner-health'), 'police').split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.scope.push('police:read');
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(failureOf(() => police.verify(forged))).toBe('ASSERTION_SIGNATURE_INVALID');
  });

  it('refuses alg none and assertions signed by another key', () => {
    const [, payload] = signer.sign(context, 'police').split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'lgsp-principal+jwt' })).toString('base64url')}.${payload}.`;
    expect(failureOf(() => police.verify(none))).toBe('ASSERTION_MALFORMED');
    const impostor = createSubgraphAssertionSigner();
    expect(failureOf(() => police.verify(impostor.sign(context, 'police')))).toBe('ASSERTION_KEY_UNKNOWN');
    const sameKid = createSubgraphAssertionSigner({
      privateJwk: { ...generateAssertionKeyPair().privateJwk, kid: signer.publicJwks.keys[0]!.kid } as never,
    });
    expect(failureOf(() => police.verify(sameKid.sign(context, 'police')))).toBe(
      'ASSERTION_SIGNATURE_INVALID',
    );
  });

  it('refuses garbage and oversized values without parsing them', () => {
    expect(failureOf(() => police.verify('not-a-jwt'))).toBe('ASSERTION_MALFORMED');
    expect(failureOf(() => police.verify('a.'.repeat(10_000)))).toBe('ASSERTION_MALFORMED');
  });

  it('refuses to be configured with a private key', () => {
    const { privateJwk } = generateAssertionKeyPair();
    expect(() => createGatewayAssertionVerifier({ keys: [privateJwk], audience: 'police' })).toThrow(
      /public/,
    );
  });
});
