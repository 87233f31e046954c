import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';
import { districtDashboard, tiles } from '../../../examples/iocDashboard.js';
import { dengueWeeks } from '../../../examples/partnerHealth.js';
import { partnersFile, startSdkHub, type SdkHub } from './sdkHub.js';

let sdk: SdkHub;
let workDir: string;
beforeAll(async () => {
  // The examples run against the demo registry as shipped (config/partners.json grants Sở Y tế PUBLIC_HEALTH).
  workDir = await mkdtemp(path.join(tmpdir(), 'lgsp-sdk-examples-'));
  sdk = await startSdkHub({ auth: { registryFile: partnersFile } });
}, 120_000);
afterEach(() => sdk?.hub.clearFaults());
afterAll(async () => {
  await sdk?.close();
  await rm(workDir, { recursive: true, force: true });
});

const settings = (clientId: string) => ({
  endpoint: sdk.hub.graphqlUrl,
  issuer: sdk.issuer.issuer,
  clientId,
  clientSecret: sdk.secretOf(clientId),
});

describe('examples/partnerHealth.ts: a partner reads health data with a purpose', () => {
  it('returns the weekly dengue cases of Thành phố Hòa Bình', async () => {
    const weeks = await dengueWeeks(settings('partner-health'));
    expect(weeks.map((week) => week.isoWeek)).toEqual([
      '2025-W20',
      '2025-W21',
      '2025-W22',
      '2025-W23',
      '2025-W24',
      '2025-W25',
      '2025-W26',
    ]);
    expect(weeks.every((week) => week.unit.name === 'Thành phố Hòa Bình' && week.cases >= 0)).toBe(true);
  });

  it('runs as a script with node and prints one line per week', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repositoryRoot, 'examples', 'partnerHealth.ts')],
      {
        cwd: repositoryRoot,
        env: {
          PATH: process.env['PATH'] ?? '',
          LGSP_ENDPOINT: sdk.hub.graphqlUrl,
          LGSP_ISSUER: sdk.issuer.issuer,
          LGSP_CLIENT_ID: 'partner-health',
          LGSP_CLIENT_SECRET: sdk.secretOf('partner-health'),
        },
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^2025-W20 {2}Thành phố Hòa Bình: \d+ cases, \d+ deaths$/);
  });
});

describe('examples/iocDashboard.ts: the IOC district dashboard', () => {
  it('shows every system’s tile for Thành phố Hòa Bình', async () => {
    const lines = tiles(await districtDashboard(settings('ioc-dashboard')));
    expect(lines[0]).toBe('Thành phố Hòa Bình');
    expect(lines).toHaveLength(7);
    expect(lines.join('\n')).not.toMatch(/unavailable/);
    expect(lines[1]).toMatch(/^Hồ sơ: \d+ received, on time \d+%$/);
  });

  it('marks only the failed system’s tile when the health system is down', async () => {
    await sdk.hub.simulators.health.addFault({ status: 503 });
    const lines = tiles(await districtDashboard(settings('ioc-dashboard')));
    expect(lines.filter((line) => line.includes('unavailable'))).toEqual([
      'bedOccupancy: unavailable (UPSTREAM_ERROR)',
    ]);
    expect(lines[1]).toMatch(/^Hồ sơ: \d+ received/);
  });
});
