import { UpstreamError } from './upstream/upstreamErrors.js';

/**
 * `dd/MM/yyyy` (the date format of systems with Vietnamese field names) → ISO `yyyy-MM-dd`. An impossible or
 * differently shaped date is a malformed upstream payload.
 */
export function parseDateVn(upstream: string, value: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (match) {
    const [, day, month, year] = match as unknown as [string, string, string, string];
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1) {
      return `${year}-${month}-${day}`;
    }
  }
  throw new UpstreamError({ upstream, reason: 'malformed' });
}
