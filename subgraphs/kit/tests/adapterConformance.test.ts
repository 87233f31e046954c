// Proves the shared conformance suite with two tiny systems: one REST/JSON, one SOAP/XML. Each subgraph's own
// tests call `describeUpstreamAdapterConformance` the same way with its real simulator and client.
import {
  createSimulatorServer,
  escapeXml,
  json,
  notFound,
  route,
  soapEnvelope,
  xml,
  xmlTexts,
} from '@lgsp/simulator-kit';
import { describeUpstreamAdapterConformance } from '@lgsp/subgraph-kit/testing';
import { alignByKey, callSoap, createUpstreamClient, orNull, type UpstreamClient } from '../src/index.js';

interface Commune {
  code: string;
  name: string;
}

const communes: Commune[] = [
  { code: '04978', name: 'Phường Thái Bình' },
  { code: '04981', name: 'Phường Tân Hòa' },
  { code: '04984', name: 'Phường Hữu Nghị' },
];

// --- REST/JSON: GET /api/communes/:code and GET /api/communes?codes=a,b ---

function startRestSimulator() {
  return createSimulatorServer({
    name: 'rest-example',
    routes: [
      route('GET', '/api/communes', ({ query }) => {
        const codes = (query.get('codes') ?? '').split(',');
        return json({ items: communes.filter((commune) => codes.includes(commune.code)) });
      }),
      route('GET', '/api/communes/:code', ({ params }) => {
        const commune = communes.find((candidate) => candidate.code === params.code);
        return commune ? json(commune) : notFound();
      }),
    ],
  });
}

describeUpstreamAdapterConformance<UpstreamClient, string, Commune>({
  system: 'rest-example',
  startSimulator: startRestSimulator,
  createClient: (options) =>
    createUpstreamClient({ name: 'rest-example', ...options, baseUrl: `${options.baseUrl}/api` }),
  fetchOne: async (client, code, { requestId }) =>
    orNull(await client.getJson<Commune>(`/communes/${encodeURIComponent(code)}`, { requestId })),
  fetchMany: async (client, codes, { requestId }) => {
    const page = await client.getJson<{ items: Commune[] }>('/communes', {
      query: { codes: codes.join(',') },
      requestId,
    });
    return alignByKey(codes, orNull(page)?.items ?? [], (commune) => commune.code);
  },
  existingKeys: ['04978', '04984'],
  missingKey: '99999',
  keyOf: (commune) => commune.code,
});

// --- SOAP/XML: operations LayDonVi (one code) and LayDanhSachDonVi (many codes) on POST /soap ---

const NS = 'urn:example:donvi';

function unitXml(commune: Commune): string {
  return `<DonVi><Ma>${commune.code}</Ma><Ten>${escapeXml(commune.name)}</Ten></DonVi>`;
}

function startSoapSimulator() {
  return createSimulatorServer({
    name: 'soap-example',
    routes: [
      route('POST', '/soap', ({ body }) => {
        const codes = xmlTexts(body, 'ma');
        const found = communes.filter((commune) => codes.includes(commune.code));
        const operation = body.includes('LayDanhSachDonVi') ? 'LayDanhSachDonVi' : 'LayDonVi';
        return xml(
          soapEnvelope(
            `<${operation}Response xmlns="${NS}">${found.map(unitXml).join('')}</${operation}Response>`,
          ),
        );
      }),
    ],
  });
}

interface SoapUnit {
  Ma: string;
  Ten: string;
}

function unitsOf(body: Record<string, unknown>, operation: string): Commune[] {
  const response = body[`${operation}Response`] as { DonVi?: SoapUnit[] } | '' | undefined;
  const units = response && typeof response === 'object' ? (response.DonVi ?? []) : [];
  return units.map((unit) => ({ code: unit.Ma, name: unit.Ten }));
}

describeUpstreamAdapterConformance<UpstreamClient, string, Commune>({
  system: 'soap-example',
  startSimulator: startSoapSimulator,
  createClient: (options) => createUpstreamClient({ name: 'soap-example', ...options }),
  fetchOne: async (client, code, { requestId }) => {
    const body = await callSoap(
      client,
      '/soap',
      { operation: 'LayDonVi', namespace: NS, params: { ma: code } },
      {
        requestId,
        idempotent: true,
        arrayElements: ['DonVi'],
      },
    );
    return orNull(body, (found) => unitsOf(found, 'LayDonVi')[0] ?? null);
  },
  fetchMany: async (client, codes, { requestId }) => {
    const body = await callSoap(
      client,
      '/soap',
      { operation: 'LayDanhSachDonVi', namespace: NS, params: { ma: [...codes] } },
      { requestId, idempotent: true, arrayElements: ['DonVi'] },
    );
    return alignByKey(
      codes,
      orNull(body, (found) => unitsOf(found, 'LayDanhSachDonVi')) ?? [],
      (unit) => unit.code,
    );
  },
  existingKeys: ['04981', '04978'],
  missingKey: '00000',
  keyOf: (commune) => commune.code,
});
