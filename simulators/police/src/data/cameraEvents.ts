import { createRng, type Rng } from '@lgsp/simulator-kit';
import type { CameraRecord, CapabilityCode } from './cameras.js';
import { plateFor } from './plates.js';
import { localDate, localDateTime } from './time.js';
import { weightedPick } from './weightedPick.js';

export type CameraEventType = 'CROWD' | 'FIRE_SMOKE' | 'TRAFFIC_VIOLATION';

/** One detection by a camera's AI, as the platform stores it. */
export interface CameraEventRecord {
  id: string;
  cameraId: string;
  type: CameraEventType;
  /** Local time, no offset. */
  time: string;
  instantMs: number;
  confidence: number;
  snapshotUrl: string;
  plateNumber: string | undefined;
  violation: { code: string; name: string } | undefined;
  /** People counted in a crowd. */
  objectCount: number | undefined;
}

const HOUR_MS = 3_600_000;

const violations = [
  { code: 'VUOT_DEN_DO', name: 'Vượt đèn đỏ', weight: 25, motorbike: 0.8 },
  { code: 'KHONG_DOI_MU_BAO_HIEM', name: 'Không đội mũ bảo hiểm', weight: 25, motorbike: 1 },
  { code: 'DI_SAI_LAN', name: 'Đi không đúng làn đường', weight: 20, motorbike: 0.6 },
  { code: 'DUNG_DO_SAI_QUY_DINH', name: 'Dừng, đỗ xe sai quy định', weight: 12, motorbike: 0.3 },
  { code: 'CHAY_QUA_TOC_DO', name: 'Chạy quá tốc độ quy định', weight: 12, motorbike: 0.4 },
  { code: 'DI_NGUOC_CHIEU', name: 'Đi ngược chiều', weight: 6, motorbike: 0.7 },
] as const;

const capabilityOf: Readonly<Record<CameraEventType, CapabilityCode>> = {
  TRAFFIC_VIOLATION: 'PHAT_HIEN_VI_PHAM',
  CROWD: 'PHAT_HIEN_DAM_DONG',
  FIRE_SMOKE: 'PHAT_HIEN_CHAY_KHOI',
};

/** Expected events per hour across the province, by local hour of day (rush hours, market mornings, quiet nights). */
function ratePerHour(type: CameraEventType, localHour: number): number {
  const night = localHour >= 22 || localHour < 5;
  switch (type) {
    case 'TRAFFIC_VIOLATION':
      return night ? 1 : (localHour >= 6 && localHour < 9) || (localHour >= 16 && localHour < 19) ? 12 : 6;
    case 'CROWD':
      return night ? 0.1 : localHour >= 5 && localHour < 9 ? 3 : 1;
    case 'FIRE_SMOKE':
      return 0.04;
  }
}

/** Deterministic events, generated per hour from the seed: the same hour always holds the same events. */
export interface CameraEventSource {
  /** Events in [fromMs, toMs), never later than `nowMs`, oldest first. */
  between(fromMs: number, toMs: number, nowMs: number): CameraEventRecord[];
}

function eventOf(
  rng: Rng,
  eligible: readonly CameraRecord[],
  hour: number,
  index: number,
  type: CameraEventType,
): CameraEventRecord | undefined {
  const camera = rng.pick(eligible);
  const instantMs = hour * HOUR_MS + rng.int(0, HOUR_MS - 1000);
  const instant = new Date(instantMs - (instantMs % 1000));
  if (localDate(instant) < camera.installedOn) return undefined;
  const id = `EV-${hour}-${index}`;
  const violation = type === 'TRAFFIC_VIOLATION' ? weightedPick(rng, violations, (v) => v.weight) : undefined;
  const confidence = rng.float(type === 'TRAFFIC_VIOLATION' ? 0.6 : type === 'CROWD' ? 0.55 : 0.4, 0.99);
  return {
    id,
    cameraId: camera.id,
    type,
    time: localDateTime(instant),
    instantMs: instant.getTime(),
    confidence,
    snapshotUrl: `https://camera-ai.congan.hoabinh.gov.vn/snapshots/${camera.id}/${localDate(instant)}/${id}.jpg`,
    plateNumber: violation
      ? plateFor(rng, rng.chance(violation.motorbike) ? 'XE_MAY' : 'O_TO_CON')
      : undefined,
    violation: violation ? { code: violation.code, name: violation.name } : undefined,
    objectCount: type === 'CROWD' ? rng.int(30, 400) : undefined,
  };
}

const EVENT_TYPES = ['TRAFFIC_VIOLATION', 'CROWD', 'FIRE_SMOKE'] as const;

/** The events of one hour (hours since the epoch), from a generator forked for that hour only. */
function eventsOfHour(
  rng: Rng,
  hour: number,
  eligible: ReadonlyMap<CameraEventType, readonly CameraRecord[]>,
): CameraEventRecord[] {
  const localHour = (new Date(hour * HOUR_MS).getUTCHours() + 7) % 24;
  const events: CameraEventRecord[] = [];
  for (const type of EVENT_TYPES) {
    const cameras = eligible.get(type) ?? [];
    const rate = ratePerHour(type, localHour);
    const count = rate < 1 ? (rng.chance(rate) ? 1 : 0) : rng.int(0, Math.round(rate * 2));
    for (let n = 0; n < count && cameras.length > 0; n += 1) {
      const event = eventOf(rng, cameras, hour, events.length, type);
      if (event) events.push(event);
    }
  }
  return events.sort((a, b) => a.instantMs - b.instantMs);
}

export function createCameraEventSource(seed: number, cameras: readonly CameraRecord[]): CameraEventSource {
  const base = createRng(seed).fork('camera-events');
  const online = cameras.filter((camera) => camera.status === 'ONLINE');
  const eligible = new Map(
    EVENT_TYPES.map((type) => [
      type,
      online.filter((camera) => camera.capabilities.includes(capabilityOf[type])),
    ]),
  );
  const cache = new Map<number, CameraEventRecord[]>();
  const hourEvents = (hour: number): CameraEventRecord[] => {
    let events = cache.get(hour);
    if (!events) {
      events = eventsOfHour(base.fork(`hour-${hour}`), hour, eligible);
      if (cache.size > 20_000) cache.clear();
      cache.set(hour, events);
    }
    return events;
  };

  return {
    between(fromMs, toMs, nowMs) {
      const end = Math.min(toMs, nowMs);
      const result: CameraEventRecord[] = [];
      for (let hour = Math.floor(fromMs / HOUR_MS); hour * HOUR_MS < end; hour += 1) {
        for (const event of hourEvents(hour)) {
          if (event.instantMs >= fromMs && event.instantMs < end) result.push(event);
        }
      }
      return result;
    },
  };
}
