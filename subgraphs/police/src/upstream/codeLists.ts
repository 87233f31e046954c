// The police system's code lists (its Vietnamese codes) → the schema's enums.

export const categories: Record<string, string> = {
  TROM_CAP: 'THEFT',
  CUOP_TAI_SAN: 'ROBBERY',
  CO_Y_GAY_THUONG_TICH: 'ASSAULT',
  LUA_DAO: 'FRAUD',
  MA_TUY: 'DRUGS',
  DANH_BAC: 'GAMBLING',
  GAY_ROI_TTCC: 'PUBLIC_DISORDER',
  CHAY_NO: 'FIRE',
  HUY_HOAI_TAI_SAN: 'PROPERTY_DAMAGE',
};
export const statuses: Record<string, string> = {
  TIEP_NHAN: 'RECEIVED',
  DANG_XAC_MINH: 'VERIFYING',
  DA_KHOI_TO: 'PROSECUTED',
  DA_GIAI_QUYET: 'RESOLVED',
  DA_CHUYEN: 'TRANSFERRED',
};
export const roles: Record<string, string> = {
  NAN_NHAN: 'VICTIM',
  DOI_TUONG: 'SUSPECT',
  NGUOI_LAM_CHUNG: 'WITNESS',
};
export const causes: Record<string, string> = {
  CHAY_QUA_TOC_DO: 'SPEEDING',
  SU_DUNG_RUOU_BIA: 'DRUNK_DRIVING',
  DI_SAI_PHAN_DUONG: 'WRONG_LANE',
  VUOT_SAI_QUY_DINH: 'UNSAFE_OVERTAKING',
  CHUYEN_HUONG_SAI: 'UNSAFE_TURN',
  KHONG_CHU_Y_QUAN_SAT: 'INATTENTION',
  MAT_PHANH_DEO_DOC: 'BRAKE_FAILURE',
};
export const vehicles: Record<string, [string, string]> = {
  XE_MAY: ['MOTORCYCLE', 'Xe mô tô'],
  O_TO_CON: ['CAR', 'Ô tô con'],
  O_TO_TAI: ['TRUCK', 'Ô tô tải'],
  XE_KHACH: ['BUS', 'Ô tô khách'],
  XE_DAP: ['BICYCLE', 'Xe đạp'],
};
export const sites: Record<string, string> = {
  NGA_TU: 'INTERSECTION',
  QUOC_LO: 'ROAD',
  CHO: 'MARKET',
  TRUONG_HOC: 'SCHOOL',
  DIEM_DU_LICH: 'TOURIST_SITE',
  DAP_THUY_DIEN: 'DAM',
};
export const capabilities: Record<string, string> = {
  NHAN_DANG_BIEN_SO: 'PLATE_RECOGNITION',
  PHAT_HIEN_VI_PHAM: 'TRAFFIC_VIOLATION_DETECTION',
  DEM_PHUONG_TIEN: 'VEHICLE_COUNTING',
  PHAT_HIEN_DAM_DONG: 'CROWD_DETECTION',
  PHAT_HIEN_CHAY_KHOI: 'FIRE_SMOKE_DETECTION',
};
export const violations: Record<string, string> = {
  VUOT_DEN_DO: 'RED_LIGHT',
  KHONG_DOI_MU_BAO_HIEM: 'NO_HELMET',
  DI_SAI_LAN: 'WRONG_LANE',
  DUNG_DO_SAI_QUY_DINH: 'ILLEGAL_PARKING',
  CHAY_QUA_TOC_DO: 'SPEEDING',
  DI_NGUOC_CHIEU: 'WRONG_WAY',
};
export const severities: Record<string, string> = {
  KHAN_CAP: 'CRITICAL',
  CAO: 'HIGH',
  TRUNG_BINH: 'MEDIUM',
  THAP: 'LOW',
};
export const alertStatuses: Record<string, string> = { MOI: 'NEW', DA_XAC_NHAN: 'ACKNOWLEDGED' };
