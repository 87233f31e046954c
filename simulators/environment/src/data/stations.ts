import { adminUnits } from '@lgsp/simulator-kit';

/** Emission profile of an air station's surroundings; it sets base levels and daily cycles. */
export type AirProfile = 'urban' | 'traffic' | 'industrial' | 'rural' | 'background';

/** A station as the monitoring system lists it (its own English field names). */
export interface EnvStation {
  stationId: string;
  stationName: string;
  stationType: 'AIR' | 'WATER';
  lat: number;
  lng: number;
  /** The commune in force today (after the 2025 reform). */
  communeCode: string;
  /** The commune and district it stood in until 2025-06-30. */
  formerCommuneCode: string;
  formerDistrictCode: string;
  /** Phú Thọ (25) today; Hòa Bình (17) until 2025-06-30. */
  provinceCode: string;
  formerProvinceCode: string;
  address: string;
  status: 'ONLINE' | 'MAINTENANCE' | 'OFFLINE';
  installedAt: string;
  operator: string;
  waterBody: string | null;
  parameters: string[];
  /** Not served: drives the generator. */
  profile: AirProfile | 'river' | 'reservoir';
  region: string;
}

export const AIR_PARAMETERS = ['PM2.5', 'PM10', 'NO2', 'SO2', 'CO', 'O3'];
export const WATER_PARAMETERS = ['pH', 'DO', 'COD', 'BOD5', 'TSS', 'NH4+'];
const OPERATOR = 'Trung tâm Quan trắc tài nguyên và môi trường tỉnh Hòa Bình';

// [id, name, old commune code, lat, lng, profile, region, status, installed]
type AirRow = [string, string, string, number, number, AirProfile, string, EnvStation['status'], string];
const AIR: readonly AirRow[] = [
  [
    'HBH-KK-01',
    'Trạm không khí tự động Phương Lâm',
    '04807',
    20.8163,
    105.3368,
    'urban',
    'city',
    'ONLINE',
    '2019-12-20',
  ],
  [
    'HBH-KK-02',
    'Trạm không khí Thái Bình (bến xe)',
    '04789',
    20.826,
    105.32,
    'traffic',
    'city',
    'ONLINE',
    '2021-06-01',
  ],
  [
    'HBH-KK-03',
    'Trạm không khí Tân Hòa (thủy điện)',
    '04792',
    20.8095,
    105.32,
    'urban',
    'city',
    'ONLINE',
    '2021-06-01',
  ],
  [
    'HBH-KK-04',
    'Trạm không khí Tân Thịnh (Quốc lộ 6)',
    '04801',
    20.804,
    105.348,
    'traffic',
    'city',
    'ONLINE',
    '2022-03-15',
  ],
  [
    'HBH-KK-05',
    'Trạm không khí Kỳ Sơn (Quốc lộ 6)',
    '04894',
    20.895,
    105.349,
    'traffic',
    'city',
    'ONLINE',
    '2022-03-15',
  ],
  [
    'HBH-KK-06',
    'Trạm không khí KCN Lương Sơn',
    '04945',
    20.872,
    105.507,
    'industrial',
    'luongson',
    'ONLINE',
    '2020-09-10',
  ],
  [
    'HBH-KK-07',
    'Trạm không khí thị trấn Lương Sơn',
    '04924',
    20.876,
    105.528,
    'traffic',
    'luongson',
    'ONLINE',
    '2020-09-10',
  ],
  [
    'HBH-KK-08',
    'Trạm không khí CCN Nhuận Trạch',
    '04954',
    20.862,
    105.56,
    'industrial',
    'luongson',
    'MAINTENANCE',
    '2023-05-05',
  ],
  [
    'HBH-KK-09',
    'Trạm không khí Chi Nê (khu sản xuất vật liệu xây dựng)',
    '05392',
    20.488,
    105.776,
    'industrial',
    'south',
    'ONLINE',
    '2021-11-20',
  ],
  ['HBH-KK-10', 'Trạm không khí Vụ Bản', '05266', 20.46, 105.449, 'urban', 'south', 'ONLINE', '2022-08-01'],
  [
    'HBH-KK-11',
    'Trạm không khí Mãn Đức (Quốc lộ 6)',
    '05128',
    20.627,
    105.272,
    'traffic',
    'west',
    'ONLINE',
    '2022-08-01',
  ],
  [
    'HBH-KK-12',
    'Trạm không khí Mai Châu',
    '05200',
    20.656,
    105.08,
    'background',
    'west',
    'ONLINE',
    '2023-01-10',
  ],
  [
    'HBH-KK-13',
    'Trạm không khí Pà Cò',
    '05209',
    20.758,
    104.978,
    'background',
    'west',
    'OFFLINE',
    '2023-01-10',
  ],
  [
    'HBH-KK-14',
    'Trạm không khí Đà Bắc',
    '04831',
    20.879,
    105.256,
    'background',
    'city',
    'ONLINE',
    '2023-01-10',
  ],
  [
    'HBH-KK-15',
    'Trạm không khí Bo (Kim Bôi)',
    '04978',
    20.669,
    105.539,
    'rural',
    'luongson',
    'ONLINE',
    '2022-08-01',
  ],
];

// [id, name, old commune code, lat, lng, water body, profile, region]
type WaterRow = [string, string, string, number, number, string, 'river' | 'reservoir', string];
const WATER: readonly WaterRow[] = [
  ['HBH-NM-01', 'Trạm nước mặt hạ lưu đập Hòa Bình', '04792', 20.816, 105.328, 'Sông Đà', 'river', 'city'],
  ['HBH-NM-02', 'Trạm nước mặt sông Đà - Dân Chủ', '04819', 20.842, 105.331, 'Sông Đà', 'river', 'city'],
  [
    'HBH-NM-03',
    'Trạm nước mặt hồ Hòa Bình - cảng Thung Nai',
    '05095',
    20.736,
    105.26,
    'Hồ thủy điện Hòa Bình',
    'reservoir',
    'west',
  ],
  [
    'HBH-NM-04',
    'Trạm nước mặt hồ Hòa Bình - Tiền Phong',
    '04888',
    20.873,
    105.19,
    'Hồ thủy điện Hòa Bình',
    'reservoir',
    'city',
  ],
  [
    'HBH-NM-05',
    'Trạm nước mặt sông Bùi - Lương Sơn',
    '04924',
    20.864,
    105.523,
    'Sông Bùi',
    'river',
    'luongson',
  ],
  ['HBH-NM-06', 'Trạm nước mặt sông Bôi - Bo', '04978', 20.663, 105.542, 'Sông Bôi', 'river', 'luongson'],
  ['HBH-NM-07', 'Trạm nước mặt sông Bôi - Chi Nê', '05392', 20.49, 105.785, 'Sông Bôi', 'river', 'south'],
  ['HBH-NM-08', 'Trạm nước mặt sông Bưởi - Vụ Bản', '05266', 20.455, 105.44, 'Sông Bưởi', 'river', 'south'],
];

function placeOf(oldCode: string) {
  const old = adminUnits.oldCommunes.find((unit) => unit.code === oldCode);
  const link = adminUnits.lineage.find((candidate) => candidate.from === oldCode);
  const district = adminUnits.oldDistricts.find((unit) => unit.code === old?.parentCode);
  if (!old || !link || !district) throw new Error(`station placed in unknown commune ${oldCode}`);
  const current = adminUnits.newCommunes.find((unit) => unit.code === link.to)!;
  return {
    communeCode: current.code,
    formerCommuneCode: old.code,
    formerDistrictCode: district.code,
    provinceCode: adminUnits.newProvince.code,
    formerProvinceCode: adminUnits.oldProvince.code,
    address: `${current.name}, tỉnh Phú Thọ (trước 01/7/2025: ${old.name}, ${district.name}, tỉnh Hòa Bình)`,
  };
}

/** The province's automatic monitoring stations: 15 air, 8 surface water, on real communes. */
export function buildStations(): EnvStation[] {
  const air = AIR.map(
    ([stationId, stationName, code, lat, lng, profile, region, status, installedAt]): EnvStation => ({
      stationId,
      stationName,
      stationType: 'AIR',
      lat,
      lng,
      ...placeOf(code),
      status,
      installedAt,
      operator: OPERATOR,
      waterBody: null,
      parameters: AIR_PARAMETERS,
      profile,
      region,
    }),
  );
  const water = WATER.map(
    ([stationId, stationName, code, lat, lng, waterBody, profile, region]): EnvStation => ({
      stationId,
      stationName,
      stationType: 'WATER',
      lat,
      lng,
      ...placeOf(code),
      status: 'ONLINE',
      installedAt: '2021-03-01',
      operator: OPERATOR,
      waterBody,
      parameters: WATER_PARAMETERS,
      profile,
      region,
    }),
  );
  return [...air, ...water];
}
