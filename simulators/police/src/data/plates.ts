import type { Rng } from '@lgsp/simulator-kit';

export type VehicleKind = 'XE_MAY' | 'O_TO_CON' | 'O_TO_TAI' | 'XE_KHACH' | 'XE_DAP';

export const vehicleNames: Readonly<Record<VehicleKind, string>> = {
  XE_MAY: 'Xe mô tô',
  O_TO_CON: 'Ô tô con',
  O_TO_TAI: 'Ô tô tải',
  XE_KHACH: 'Ô tô khách',
  XE_DAP: 'Xe đạp',
};

const motorbikeSeries = ['B1', 'B2', 'H1', 'K1', 'E1', 'F1', 'G1'];
const carSeries: Readonly<Record<Exclude<VehicleKind, 'XE_MAY' | 'XE_DAP'>, readonly string[]>> = {
  O_TO_CON: ['A'],
  O_TO_TAI: ['C', 'D'],
  XE_KHACH: ['B'],
};

/**
 * A synthetic plate in the national format: mostly Hòa Bình (28), some from Hà Nội (29, 30) on the through roads.
 * Cars `28A-123.45`, motorcycles `28B1-234.56`; bicycles have none.
 */
export function plateFor(rng: Rng, kind: VehicleKind): string | undefined {
  if (kind === 'XE_DAP') return undefined;
  const province = rng.chance(0.88) ? '28' : rng.pick(['29', '30']);
  const digits = rng.digits(5);
  const number = `${digits.slice(0, 3)}.${digits.slice(3)}`;
  if (kind === 'XE_MAY') return `${province}${rng.pick(motorbikeSeries)}-${number}`;
  return `${province}${rng.pick(carSeries[kind])}-${number}`;
}
