import type { Rng } from '@lgsp/simulator-kit';
import type { CommunePlace } from './geography.js';
import { REFORM_DATE } from './time.js';

const hamlets = [
  'Xóm Mới',
  'Xóm Chiềng',
  'Xóm Đồng',
  'Xóm Bãi',
  'Xóm Trên',
  'Xóm Dưới',
  'Xóm Nà',
  'Xóm Khang',
  'Xóm Sào',
  'Xóm Bưa',
];

/** A public place in a commune where incidents happen and cameras stand. */
export function publicPlace(rng: Rng, place: CommunePlace): string {
  const templates = [
    `Chợ ${place.shortName}`,
    `Trường THCS ${place.shortName}`,
    `ngã ba ${place.shortName}`,
    `Nhà văn hóa ${rng.pick(hamlets).toLowerCase()}`,
    `khu vực ${rng.pick(place.roads)} qua ${place.oldName}`,
    `quán karaoke trên địa bàn ${place.oldName}`,
  ];
  return rng.pick(templates);
}

/** The postal address of a home in the commune, as the unit stood on `date` (a person's address: personal data). */
export function homeAddress(rng: Rng, place: CommunePlace, date: string): string {
  const local =
    place.kind === 'RURAL'
      ? rng.pick(hamlets)
      : `Số ${rng.int(1, 180)} ${rng.pick(place.roads)}, tổ ${rng.int(1, 25)}`;
  return date < REFORM_DATE
    ? `${local}, ${place.oldName}, ${place.districtName}, tỉnh Hòa Bình`
    : `${local}, ${place.newName}, tỉnh Phú Thọ`;
}

/** The commune police station, by the unit's name on `date`. */
export function policeStation(place: CommunePlace, date: string): string {
  const name = date < REFORM_DATE ? place.oldName : place.newName;
  return `Công an ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/** Formats VND the way reports write it: `15 triệu đồng`, `1,2 tỷ đồng`. */
export function formatVnd(amount: number): string {
  if (amount >= 1_000_000_000) return `${(amount / 1_000_000_000).toFixed(1).replace('.', ',')} tỷ đồng`;
  return `${Math.round(amount / 1_000_000)} triệu đồng`;
}
