import { adminUnits, type Rng } from '@lgsp/simulator-kit';
import { districtSeatCommune, type CommunePlace } from './geography.js';

/** The registry's facility categories (its own codes). */
export type FacilityCategory =
  'BV_DA_KHOA_TINH' | 'BV_CHUYEN_KHOA' | 'TTYT_HUYEN' | 'PK_DA_KHOA_KV' | 'TRAM_Y_TE';

/** One facility as the Department of Health's registry stores it. */
export interface Facility {
  /** Mã cơ sở khám chữa bệnh: province code 17 + 3 digits. */
  facilityCode: string;
  facilityName: string;
  category: FacilityCategory;
  level: 'TINH' | 'HUYEN' | 'XA';
  communeCode: string;
  newCommuneCode: string;
  districtCode: string;
  provinceCode: string;
  newProvinceCode: string;
  address: string;
  geo: { lat: number; lng: number };
  /** Giường kế hoạch (planned by the province). */
  bedsPlanned: number;
  /** Giường thực kê (actually set up). */
  bedsActual: number;
  hotline: string;
  operatingSince: string;
}

const specialisedHospitals = [
  { name: 'Bệnh viện Y dược cổ truyền tỉnh Hòa Bình', commune: '04798', beds: 150 },
  { name: 'Bệnh viện Phục hồi chức năng tỉnh Hòa Bình', commune: '04804', beds: 100 },
  { name: 'Bệnh viện Sản Nhi tỉnh Hòa Bình', commune: '04792', beds: 200 },
  { name: 'Bệnh viện Phổi tỉnh Hòa Bình', commune: '04816', beds: 120 },
];

/** Large rural communes that host a regional polyclinic (phòng khám đa khoa khu vực). */
const polyclinicCommunes = ['04846', '05134', '05212', '05287'];

function landline(rng: Rng): string {
  return `0218 3${rng.digits(6)}`;
}

function stripPrefix(name: string): string {
  return name.replace(/^(Thành phố|Huyện|Thị trấn|Phường|Xã) /, '');
}

function districtName(code: string): string {
  return adminUnits.oldDistricts.find((district) => district.code === code)?.name ?? 'Tỉnh Hòa Bình';
}

function build(
  rng: Rng,
  place: CommunePlace,
  fields: Pick<Facility, 'facilityCode' | 'facilityName' | 'category' | 'level' | 'bedsPlanned'>,
): Facility {
  const jitter = place.urban ? 0.004 : 0.01;
  return {
    ...fields,
    communeCode: place.code,
    newCommuneCode: place.newCommuneCode,
    districtCode: place.districtCode,
    provinceCode: adminUnits.oldProvince.code,
    newProvinceCode: adminUnits.newProvince.code,
    address: `${place.name}, ${districtName(place.districtCode)}, tỉnh Hòa Bình`,
    geo: {
      lat: Number((place.latitude + rng.float(-jitter, jitter, 5)).toFixed(5)),
      lng: Number((place.longitude + rng.float(-jitter, jitter, 5)).toFixed(5)),
    },
    bedsActual: Math.round(fields.bedsPlanned * rng.float(1, fields.level === 'XA' ? 1 : 1.25)),
    hotline: landline(rng),
    operatingSince: `${rng.int(1960, 2012)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
  };
}

function placeOf(places: readonly CommunePlace[], code: string): CommunePlace {
  const place = places.find((candidate) => candidate.code === code);
  if (!place) throw new Error(`no commune ${code}`);
  return place;
}

/** The province's public facilities: hospitals, district medical centres, polyclinics, one station per commune. */
export function createFacilities(rng: Rng, places: readonly CommunePlace[]): Facility[] {
  const facilities: Facility[] = [
    build(rng, placeOf(places, '04801'), {
      facilityCode: '17001',
      facilityName: 'Bệnh viện Đa khoa tỉnh Hòa Bình',
      category: 'BV_DA_KHOA_TINH',
      level: 'TINH',
      bedsPlanned: 750,
    }),
  ];
  specialisedHospitals.forEach((hospital, index) =>
    facilities.push(
      build(rng, placeOf(places, hospital.commune), {
        facilityCode: `1700${index + 2}`,
        facilityName: hospital.name,
        category: 'BV_CHUYEN_KHOA',
        level: 'TINH',
        bedsPlanned: hospital.beds,
      }),
    ),
  );
  adminUnits.oldDistricts.forEach((district, index) =>
    facilities.push(
      build(rng, districtSeatCommune(places, district.code), {
        facilityCode: `170${10 + index}`,
        facilityName: `Trung tâm Y tế ${district.name.replace(/^Huyện/, 'huyện').replace(/^Thành phố/, 'thành phố')}`,
        category: 'TTYT_HUYEN',
        level: 'HUYEN',
        bedsPlanned: district.code === '148' ? 150 : rng.int(10, 25) * 10,
      }),
    ),
  );
  polyclinicCommunes.forEach((code, index) => {
    const place = placeOf(places, code);
    facilities.push(
      build(rng, place, {
        facilityCode: `170${20 + index}`,
        facilityName: `Phòng khám Đa khoa khu vực ${stripPrefix(place.name)}`,
        category: 'PK_DA_KHOA_KV',
        level: 'HUYEN',
        bedsPlanned: rng.int(10, 20),
      }),
    );
  });
  places.forEach((place, index) =>
    facilities.push(
      build(rng, place, {
        facilityCode: `17${String(101 + index).padStart(3, '0')}`,
        facilityName: `Trạm Y tế ${place.name.startsWith('Phường') ? 'phường' : place.name.startsWith('Thị trấn') ? 'thị trấn' : 'xã'} ${stripPrefix(place.name)}`,
        category: 'TRAM_Y_TE',
        level: 'XA',
        bedsPlanned: rng.int(3, 10),
      }),
    ),
  );
  return facilities;
}

/** Every unit code a facility counts under: its old commune, district and province, and their successors. */
export function unitCodesOf(facility: Facility): string[] {
  return [
    facility.communeCode,
    facility.newCommuneCode,
    facility.districtCode,
    facility.provinceCode,
    facility.newProvinceCode,
  ];
}
