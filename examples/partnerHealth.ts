// A partner's script: Sở Y tế reads dengue cases of Thành phố Hòa Bình for its epidemic response, stating the
// purpose (PUBLIC_HEALTH) and the case it serves, with its own service account. Only its contract SDK is imported,
// so it cannot even name a field it may not read.
//
//   LGSP_ENDPOINT=http://localhost:4000/graphql LGSP_ISSUER=http://127.0.0.1:4010 \
//   LGSP_CLIENT_ID=partner-health LGSP_CLIENT_SECRET=… node examples/partnerHealth.ts
import { createClient, isLgspError } from '@lgsp/sdk';
import { HealthDiseaseCasesDocument, type HealthDiseaseCasesQuery } from '@lgsp/sdk/contracts/partner-health';

export interface PartnerSettings {
  endpoint: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export type DengueWeek = NonNullable<HealthDiseaseCasesQuery['diseaseCaseStats']>[number];

/** Weekly dengue cases of one unit, read for the public-health purpose of one outbreak case. */
export async function dengueWeeks(settings: PartnerSettings, unitCode = '148'): Promise<DengueWeek[]> {
  const hub = createClient({
    ...settings,
    // Keycloak grants the default client scopes by itself; the dev issuer grants what is asked.
    scopes: ['catalog:read', 'health:read'],
    purpose: 'PUBLIC_HEALTH',
    caseId: 'SXH-2025-148',
  });
  const data = await hub.request(HealthDiseaseCasesDocument, {
    unitCode,
    disease: 'DENGUE',
    fromWeek: '2025-W20',
    toWeek: '2025-W26',
  });
  return data.diseaseCaseStats ?? [];
}

async function main(): Promise<void> {
  const env = process.env;
  try {
    const weeks = await dengueWeeks({
      endpoint: env['LGSP_ENDPOINT'] ?? 'http://localhost:4000/graphql',
      issuer: env['LGSP_ISSUER'] ?? 'http://127.0.0.1:4010',
      clientId: env['LGSP_CLIENT_ID'] ?? 'partner-health',
      clientSecret: env['LGSP_CLIENT_SECRET'] ?? '',
    });
    for (const week of weeks)
      console.log(`${week.isoWeek}  ${week.unit.name}: ${week.cases} cases, ${week.deaths} deaths`);
  } catch (error) {
    if (isLgspError(error) && error.code === 'FORBIDDEN') {
      console.error(`Refused: ${error.reason}\nLegal basis: ${error.legalBasis}`);
    } else if (isLgspError(error)) {
      console.error(`${error.code}: ${error.message}`);
    } else throw error;
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
