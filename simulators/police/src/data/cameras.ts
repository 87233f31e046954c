import { createRng, type Rng } from '@lgsp/simulator-kit';
import { communePlaces, damSite, pointNear, type CommunePlace } from './geography.js';
import { policeStation } from './places.js';
import { REFORM_DATE } from './time.js';
import { weightedPick } from './weightedPick.js';

export type CameraStatus = 'ONLINE' | 'OFFLINE' | 'MAINTENANCE';
/** The system's capability codes. */
export type CapabilityCode =
  | 'NHAN_DANG_BIEN_SO'
  | 'PHAT_HIEN_VI_PHAM'
  | 'DEM_PHUONG_TIEN'
  | 'PHAT_HIEN_DAM_DONG'
  | 'PHAT_HIEN_CHAY_KHOI';
/** The system's site-type codes. */
export type SiteType = 'NGA_TU' | 'CHO' | 'TRUONG_HOC' | 'QUOC_LO' | 'DIEM_DU_LICH' | 'DAP_THUY_DIEN';

/** One AI camera of the registry. Cameras outlived the reform: they carry the new commune and the former units. */
export interface CameraRecord {
  id: string;
  name: string;
  siteType: SiteType;
  address: string;
  communeCode: string;
  formerCommuneCode: string;
  formerDistrictCode: string;
  latitude: number;
  longitude: number;
  status: CameraStatus;
  capabilities: CapabilityCode[];
  installedOn: string;
  model: string;
  managingUnit: string;
  /** Hours since the last heartbeat for a camera that is not online (0 when online). */
  silentHours: number;
}

const capabilitiesBySite: Readonly<Record<SiteType, readonly CapabilityCode[]>> = {
  NGA_TU: ['NHAN_DANG_BIEN_SO', 'PHAT_HIEN_VI_PHAM', 'DEM_PHUONG_TIEN'],
  QUOC_LO: ['NHAN_DANG_BIEN_SO', 'PHAT_HIEN_VI_PHAM', 'DEM_PHUONG_TIEN'],
  CHO: ['PHAT_HIEN_DAM_DONG', 'PHAT_HIEN_CHAY_KHOI'],
  TRUONG_HOC: ['PHAT_HIEN_DAM_DONG', 'NHAN_DANG_BIEN_SO'],
  DIEM_DU_LICH: ['PHAT_HIEN_DAM_DONG', 'PHAT_HIEN_CHAY_KHOI'],
  DAP_THUY_DIEN: ['PHAT_HIEN_DAM_DONG', 'PHAT_HIEN_CHAY_KHOI', 'NHAN_DANG_BIEN_SO'],
};

const models = [
  'Hikvision iDS-2CD7A46G0/P-IZHS',
  'Dahua DH-IPC-HFW5442T-ASE',
  'VNPT AI Camera VC-3M',
  'Viettel VHT-IPC-4MP',
];
const damSpots = [
  'Mặt đập',
  'Cửa xả tràn',
  'Nhà máy thủy điện',
  'Đồi Ông Tượng',
  'Cổng vào khu vực đập',
  'Cầu Hòa Bình',
];

function siteTypesFor(rng: Rng, place: CommunePlace): SiteType[] {
  const count = { URBAN: rng.int(8, 12), TOWN: rng.int(5, 7), RURAL: rng.int(0, 2) }[place.kind];
  const weights: Readonly<Record<SiteType, number>> = {
    NGA_TU: 4,
    QUOC_LO: place.kind === 'URBAN' ? 1 : 3,
    CHO: 2,
    TRUONG_HOC: 2,
    DIEM_DU_LICH: place.oldCode === '05200' || place.oldCode === '05095' ? 2 : 0,
    DAP_THUY_DIEN: 0,
  };
  const types = Object.keys(weights) as SiteType[];
  return Array.from({ length: count }, () => weightedPick(rng, types, (type) => weights[type]));
}

function nameOf(rng: Rng, siteType: SiteType, place: CommunePlace): string {
  switch (siteType) {
    case 'NGA_TU':
      return `Nút giao ${rng.pick(place.roads)} – đường vào ${place.shortName}`;
    case 'QUOC_LO':
      return `${rng.pick(place.roads)}, Km ${rng.int(30, 180)}+${rng.int(0, 9) * 100}`;
    case 'CHO':
      return `Chợ ${place.shortName}`;
    case 'TRUONG_HOC':
      return `Cổng trường ${rng.pick(['Tiểu học', 'THCS', 'THPT'])} ${place.shortName}`;
    case 'DIEM_DU_LICH':
      return place.oldCode === '05095'
        ? 'Bến thuyền Thung Nai'
        : rng.pick(['Bản Lác', 'Bản Poom Coọng', 'Đèo Thung Khe']);
    case 'DAP_THUY_DIEN':
      return `Đập thủy điện Hòa Bình – ${rng.pick(damSpots)}`;
  }
}

function cameraAt(
  rng: Rng,
  place: CommunePlace,
  siteType: SiteType,
  centre: { latitude: number; longitude: number },
) {
  const status = weightedPick<CameraStatus>(rng, ['ONLINE', 'OFFLINE', 'MAINTENANCE'], (s) =>
    s === 'ONLINE' ? 85 : s === 'OFFLINE' ? 8 : 7,
  );
  const name = nameOf(rng, siteType, place);
  const point = pointNear(
    rng,
    centre,
    siteType === 'DAP_THUY_DIEN' ? 0.004 : place.kind === 'RURAL' ? 0.02 : 0.008,
  );
  return {
    name,
    siteType,
    address: `${name}, ${place.newName}, tỉnh Phú Thọ`,
    communeCode: place.newCode,
    formerCommuneCode: place.oldCode,
    formerDistrictCode: place.districtCode,
    latitude: point.latitude,
    longitude: point.longitude,
    status,
    capabilities: [...capabilitiesBySite[siteType]],
    installedOn: `${rng.int(2022, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    model: rng.pick(models),
    managingUnit: policeStation(place, REFORM_DATE),
    silentHours: status === 'ONLINE' ? 0 : rng.int(2, 240),
  };
}

/** The seeded AI camera registry: a few hundred cameras on the real communes, ids `HBCAM-0001`. */
export function generateCameras(seed: number): CameraRecord[] {
  const rng = createRng(seed).fork('cameras');
  const drafts: Omit<CameraRecord, 'id'>[] = [];
  for (const place of communePlaces) {
    for (const siteType of siteTypesFor(rng, place)) drafts.push(cameraAt(rng, place, siteType, place));
    if (place.oldCode === damSite.communeCode) {
      for (let index = 0; index < 6; index += 1) drafts.push(cameraAt(rng, place, 'DAP_THUY_DIEN', damSite));
    }
  }
  // Several cameras at one site are told apart the way the registry numbers them: `Chợ Tân Thịnh – số 2`.
  const seen = new Map<string, number>();
  return drafts.map((draft, index) => {
    const count = (seen.get(draft.name) ?? 0) + 1;
    seen.set(draft.name, count);
    const name = count === 1 ? draft.name : `${draft.name} – số ${count}`;
    return { ...draft, id: `HBCAM-${String(index + 1).padStart(4, '0')}`, name };
  });
}
