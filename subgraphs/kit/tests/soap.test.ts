import { describe, expect, it } from '@jest/globals';
import { buildSoapEnvelope, parseDateVn, parseSoapResponse, parseXml } from '../src/index.js';

describe('SOAP helpers', () => {
  it('builds an envelope with escaped, repeated parameters', () => {
    const envelope = buildSoapEnvelope({
      operation: 'LayCoSo',
      namespace: 'urn:yte',
      params: { ma: ['01', '02'], ghiChu: 'a < b & c' },
    });
    expect(envelope).toContain('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">');
    expect(envelope).toContain('<tns:LayCoSo xmlns:tns="urn:yte"><tns:ma>01</tns:ma><tns:ma>02</tns:ma>');
    expect(envelope).toContain('<tns:ghiChu>a &lt; b &amp; c</tns:ghiChu>');
  });

  it('returns the Body content with prefixes removed and values kept as strings', () => {
    const body = parseSoapResponse(
      'health',
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><r:Resp xmlns:r="urn:x">' +
        '<r:CoSo><r:Ma>0042</r:Ma></r:CoSo></r:Resp></s:Body></s:Envelope>',
      { arrayElements: ['CoSo'] },
    );
    expect(body).toEqual({ Resp: { CoSo: [{ Ma: '0042' }] } });
  });

  it('turns a SOAP Fault into UPSTREAM_ERROR without its fault string in the message', () => {
    const fault =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
      '<faultcode>soap:Server</faultcode><faultstring>db password wrong</faultstring></soap:Fault></soap:Body></soap:Envelope>';
    let caught: unknown;
    try {
      parseSoapResponse('health', fault);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'UPSTREAM_ERROR', reason: 'soapFault', upstream: 'health' });
    expect((caught as Error).message).not.toContain('password');
  });

  it('treats invalid XML and a document without Envelope/Body as malformed', () => {
    expect(() => parseXml('health', '<a><b></a>')).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => parseSoapResponse('health', '<x/>')).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_ERROR' }),
    );
  });
});

describe('parseDateVn', () => {
  it('turns dd/MM/yyyy into an ISO date and refuses impossible dates', () => {
    expect(parseDateVn('egov', '01/07/2025')).toBe('2025-07-01');
    expect(() => parseDateVn('egov', '31/02/2025')).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_ERROR' }),
    );
    expect(() => parseDateVn('egov', '2025-07-01')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});
