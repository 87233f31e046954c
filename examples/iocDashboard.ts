// An IOC front-end snippet: the district dashboard of Thành phố Hòa Bình — every provincial system's headline figures
// for one unit, in one typed query. Works in the browser too (fetch only); there, pass `getToken` from the IOC's own
// login instead of a client secret.
import { createClient, type ExecutionOutcome } from '@lgsp/sdk';
import { DistrictDashboardDocument, type DistrictDashboardQuery } from '@lgsp/sdk/operations';

export interface IocSettings {
  endpoint: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The dashboard of one unit. `execute` keeps partial data: when one system is down its tile shows an error and the
 * others still show their figures.
 */
export async function districtDashboard(
  settings: IocSettings,
  code = '148',
): Promise<ExecutionOutcome<DistrictDashboardQuery>> {
  const hub = createClient({
    ...settings,
    scopes: ['catalog:read', 'egov:read', 'police:read', 'health:read', 'environment:read'],
  });
  return hub.execute(DistrictDashboardDocument, { code, period: { from: '2025-01-01', to: '2025-06-30' } });
}

/** One line per tile, as the wall screen shows them. */
export function tiles({ data, errors }: ExecutionOutcome<DistrictDashboardQuery>): string[] {
  const unit = data?.administrativeUnit;
  if (!unit) return [`no data: ${errors.map((e) => e.code).join(', ')}`];
  const failed = (field: string) => errors.find((error) => error.path?.[1] === field);
  const tile = (field: string, text: () => string) =>
    failed(field) ? `${field}: unavailable (${failed(field)!.code})` : text();
  return [
    unit.name,
    tile(
      'dossierStats',
      () =>
        `Hồ sơ: ${unit.dossierStats?.received ?? 0} received, on time ${pct(unit.dossierStats?.onTimeRate)}`,
    ),
    tile(
      'citizenReportStats',
      () =>
        `Phản ánh: ${unit.citizenReportStats?.open ?? 0} open, ${unit.citizenReportStats?.overdue ?? 0} overdue`,
    ),
    tile(
      'airQuality',
      () =>
        `VN-AQI: ${unit.airQuality ? `${unit.airQuality.value} (${unit.airQuality.label})` : 'no reading'}`,
    ),
    tile('bedOccupancy', () => `Giường bệnh: ${pct(unit.bedOccupancy?.occupancyRate)} occupied`),
    tile('incidentStats', () => `ANTT: ${unit.incidentStats?.total ?? 0} incidents`),
    tile(
      'accidentStats',
      () =>
        `TNGT: ${unit.accidentStats?.accidents ?? 0} accidents, ${unit.accidentStats?.deaths ?? 0} deaths`,
    ),
  ];
}

const pct = (rate: number | null | undefined) => (rate == null ? '–' : `${Math.round(rate * 100)}%`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = process.env;
  const outcome = await districtDashboard({
    endpoint: env['LGSP_ENDPOINT'] ?? 'http://localhost:4000/graphql',
    issuer: env['LGSP_ISSUER'] ?? 'http://127.0.0.1:4010',
    clientId: env['LGSP_CLIENT_ID'] ?? 'ioc-dashboard',
    clientSecret: env['LGSP_CLIENT_SECRET'] ?? '',
  });
  console.log(tiles(outcome).join('\n'));
}
