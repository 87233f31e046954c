import type { Rng } from '@lgsp/simulator-kit';
import { department, peoplesCommittee, type Agency } from './agencies.js';
import { addWorkingDays, compactDateLocal, DAY_MS, HOUR_MS, localInstant, toWorkingDay } from './calendar.js';
import { procedures, type Procedure, type ProcedureLevel } from './procedures.js';
import { egovUnits, reformInstant, type EgovUnit } from './units.js';

/**
 * Dossier status codes of the one-stop system (`trangThai`): 1 received, 2 being handled, 3 waiting for the
 * applicant to supplement, 4 result ready, 5 result returned to the applicant, 6 returned without a result
 * (refused / withdrawn).
 */
export type DossierStatusCode = '1' | '2' | '3' | '4' | '5' | '6';
export type Channel = 'TRUC_TUYEN' | 'TRUC_TIEP' | 'BUU_CHINH';
export type Rating = 'HAI_LONG' | 'BINH_THUONG' | 'KHONG_HAI_LONG';

export interface DossierRecord {
  id: string;
  procedure: Procedure;
  unit: EgovUnit;
  agency: Agency;
  receivedAt: Date;
  dueAt: Date;
  /** When the result (or the refusal) was issued; null while open. */
  finishedAt: Date | null;
  status: DossierStatusCode;
  channel: Channel;
  digitised: boolean;
  electronicResult: boolean;
  syncedToNationalPortal: boolean;
  paidOnline: boolean;
  rating: Rating | null;
  applicantName: string;
  applicantPhone: string;
}

/** What every generator needs: the seed's generator and the simulator's "now" (the end of the data range). */
export interface GenerationContext {
  rng: Rng;
  now: Date;
  /** The start of the data range: 18 months before `now`. */
  start: Date;
}

interface UnitPlan {
  unit: EgovUnit;
  levels: readonly ProcedureLevel[];
  perDay: number;
  from: Date;
  to: Date;
}

function plans(start: Date, now: Date): UnitPlan[] {
  const oldEnd = new Date(Math.min(reformInstant.getTime(), now.getTime()));
  const newStart = new Date(Math.max(reformInstant.getTime(), start.getTime()));
  const old = (unit: EgovUnit, levels: ProcedureLevel[], perDay: number): UnitPlan => ({
    unit,
    levels,
    perDay,
    from: start,
    to: oldEnd,
  });
  const next = (unit: EgovUnit, levels: ProcedureLevel[], perDay: number): UnitPlan => ({
    unit,
    levels,
    perDay,
    from: newStart,
    to: now,
  });
  return [
    old(egovUnits.oldProvince, ['TINH'], 8),
    ...egovUnits.oldDistricts.map((unit) => old(unit, ['HUYEN'], 2)),
    ...egovUnits.oldCommunes.map((unit) => old(unit, ['XA'], unit.urban ? 0.8 : 0.35)),
    next(egovUnits.newProvince, ['TINH'], 10),
    ...egovUnits.newCommunes.map((unit) => next(unit, ['XA', 'HUYEN'], unit.urban ? 1.8 : 0.8)),
  ].filter((plan) => plan.from < plan.to);
}

function pickWeighted(rng: Rng, items: readonly Procedure[]): Procedure {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = rng.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}

function receptionTime(rng: Rng, day: Date, online: boolean): Date {
  const d = new Date(day.getTime() + 7 * HOUR_MS);
  const [year, month, date] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (online) return localInstant(year, month, date, rng.int(6, 22), rng.int(0, 59));
  return toWorkingDay(localInstant(year, month, date, rng.int(7, 16), rng.int(0, 59)));
}

function agencyFor(procedure: Procedure, unit: EgovUnit): Agency {
  return procedure.department ? department(procedure.department, unit.provinceCode) : peoplesCommittee(unit);
}

function outcome(ctx: GenerationContext, onTimeRate: number, receivedAt: Date, dueAt: Date) {
  const { rng, now } = ctx;
  const returned = rng.chance(0.025);
  const late = !returned && !rng.chance(onTimeRate);
  const span = Math.max(dueAt.getTime() - receivedAt.getTime(), HOUR_MS);
  const finished = late
    ? // Late results are still issued in office hours (08:00–16:00) of a later working day.
      new Date(addWorkingDays(dueAt, rng.int(1, 8)).getTime() - rng.int(1, 9) * HOUR_MS)
    : new Date(receivedAt.getTime() + Math.max(30 * 60_000, Math.floor(span * rng.float(0.1, 1, 3))));
  if (finished > now) {
    const fresh = now.getTime() - receivedAt.getTime() < 2 * HOUR_MS;
    const status: DossierStatusCode = fresh ? '1' : rng.chance(0.07) ? '3' : '2';
    return { status, finishedAt: null };
  }
  if (returned) return { status: '6' as const, finishedAt: finished };
  const recent = now.getTime() - finished.getTime() < 2 * DAY_MS;
  return { status: recent && rng.chance(0.4) ? ('4' as const) : ('5' as const), finishedAt: finished };
}

function rating(rng: Rng, resolved: boolean): Rating | null {
  if (!resolved || !rng.chance(0.3)) return null;
  const roll = rng.next();
  return roll < 0.93 ? 'HAI_LONG' : roll < 0.98 ? 'BINH_THUONG' : 'KHONG_HAI_LONG';
}

function channel(rng: Rng, procedure: Procedure, progress: number): Channel {
  const online = Math.min(0.97, procedure.onlineShare * (1 + 0.6 * progress));
  if (rng.chance(online)) return 'TRUC_TUYEN';
  return rng.chance(0.03) ? 'BUU_CHINH' : 'TRUC_TIEP';
}

function generateOne(ctx: GenerationContext, plan: UnitPlan, onTimeRate: number): Omit<DossierRecord, 'id'> {
  const { rng, start, now } = ctx;
  const procedure = pickWeighted(
    rng,
    procedures.filter((candidate) => plan.levels.includes(candidate.level)),
  );
  const day = rng.date(plan.from, new Date(plan.to.getTime() - 1));
  const progress = (day.getTime() - start.getTime()) / (now.getTime() - start.getTime());
  const submitted = channel(rng, procedure, progress);
  const planned = receptionTime(rng, day, submitted === 'TRUC_TUYEN');
  // A time later today than "now" has not happened yet: move it into the past hours instead.
  const receivedAt = planned < now ? planned : new Date(now.getTime() - rng.int(5, 600) * 60_000);
  const dueAt = addWorkingDays(receivedAt, procedure.days);
  const { status, finishedAt } = outcome(ctx, onTimeRate, receivedAt, dueAt);
  const resolved = status === '4' || status === '5';
  const online = submitted === 'TRUC_TUYEN';
  const applicant = rng.personName();
  return {
    procedure,
    unit: plan.unit,
    agency: agencyFor(procedure, plan.unit),
    receivedAt,
    dueAt,
    finishedAt,
    status,
    channel: submitted,
    digitised: online || rng.chance(0.5 + 0.45 * progress),
    electronicResult: resolved && rng.chance(0.45 + 0.45 * progress),
    syncedToNationalPortal: rng.chance(0.96),
    paidOnline: procedure.feeVnd > 0 && rng.chance(online ? 0.75 : 0.12),
    rating: rating(rng, resolved),
    applicantName: applicant.fullName,
    applicantPhone: rng.phone(),
  };
}

/** Numbers dossiers the way the one-stop system does: `H<province>.<unit>-<yyMMdd>-<sequence of the day>`. */
function numbered(records: Omit<DossierRecord, 'id'>[]): DossierRecord[] {
  const sequence = new Map<string, number>();
  return records
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
    .map((record) => {
      const prefix = `H${record.unit.provinceCode}.${record.unit.code}-${compactDateLocal(record.receivedAt)}`;
      const next = (sequence.get(prefix) ?? 0) + 1;
      sequence.set(prefix, next);
      return { ...record, id: `${prefix}-${String(next).padStart(4, '0')}` };
    })
    .reverse();
}

/** Every dossier of the data range, newest first. */
export function generateDossiers(ctx: GenerationContext): DossierRecord[] {
  const records: Omit<DossierRecord, 'id'>[] = [];
  for (const plan of plans(ctx.start, ctx.now)) {
    const rng = ctx.rng.fork(`dossiers-${plan.unit.version}-${plan.unit.code}`);
    const unitCtx = { ...ctx, rng };
    const onTimeRate = rng.float(0.86, 0.995, 3);
    const days = (plan.to.getTime() - plan.from.getTime()) / DAY_MS;
    const count = Math.round(plan.perDay * days * rng.float(0.8, 1.2));
    for (let index = 0; index < count; index += 1) records.push(generateOne(unitCtx, plan, onTimeRate));
  }
  return numbered(records);
}
