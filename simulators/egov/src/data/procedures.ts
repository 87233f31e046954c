import type { DepartmentAbbr } from './agencies.js';

/** Where a procedure is handled: commune (XA), former district (HUYEN; communes since 2025-07-01), province (TINH). */
export type ProcedureLevel = 'XA' | 'HUYEN' | 'TINH';

/** How far it can be done online (Decree 42/2022: "toàn trình" = fully online, "một phần" = partly). */
export type OnlineLevel = 'TOAN_TRINH' | 'MOT_PHAN' | 'TRUC_TIEP';

export interface Procedure {
  /** In the national procedure database's format (`1.001193`); illustrative values. */
  code: string;
  name: string;
  /** Lĩnh vực. */
  field: string;
  level: ProcedureLevel;
  /** Statutory handling time in working days. */
  days: number;
  /** Fee (phí, lệ phí) in VND; 0 = free. */
  feeVnd: number;
  onlineLevel: OnlineLevel;
  /** Share of dossiers submitted online in mid-2025; it grows over the data range. */
  onlineShare: number;
  /** Relative frequency among procedures of the same level. */
  weight: number;
  /** The provincial department handling a province-level procedure. */
  department?: DepartmentAbbr;
}

const p = (
  code: string,
  name: string,
  field: string,
  level: ProcedureLevel,
  days: number,
  feeVnd: number,
  onlineLevel: OnlineLevel,
  onlineShare: number,
  weight: number,
  department?: DepartmentAbbr,
): Procedure => ({ code, name, field, level, days, feeVnd, onlineLevel, onlineShare, weight, department });

/** The procedures dossiers are generated on, with plausible times, fees and online shares. */
export const procedures: readonly Procedure[] = [
  p('1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'XA', 1, 0, 'TOAN_TRINH', 0.5, 10),
  p('1.000894', 'Đăng ký kết hôn', 'Hộ tịch', 'XA', 3, 0, 'MOT_PHAN', 0.2, 3),
  p('1.000656', 'Đăng ký khai tử', 'Hộ tịch', 'XA', 1, 0, 'TOAN_TRINH', 0.35, 3),
  p('1.004873', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch', 'XA', 1, 8_000, 'TOAN_TRINH', 0.45, 4),
  p('1.004746', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 'XA', 3, 0, 'MOT_PHAN', 0.35, 4),
  p(
    '2.000815',
    'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    'Chứng thực',
    'XA',
    1,
    10_000,
    'MOT_PHAN',
    0.12,
    14,
  ),
  p(
    '2.000884',
    'Chứng thực chữ ký trong các giấy tờ, văn bản',
    'Chứng thực',
    'XA',
    1,
    10_000,
    'TRUC_TIEP',
    0,
    4,
  ),
  p(
    '1.001776',
    'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng',
    'Bảo trợ xã hội',
    'XA',
    15,
    0,
    'MOT_PHAN',
    0.08,
    1,
  ),
  p(
    '1.001612',
    'Đăng ký thành lập hộ kinh doanh',
    'Thành lập và hoạt động của hộ kinh doanh',
    'HUYEN',
    3,
    100_000,
    'TOAN_TRINH',
    0.55,
    3,
  ),
  p(
    '1.009994',
    'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    'Hoạt động xây dựng',
    'HUYEN',
    15,
    75_000,
    'MOT_PHAN',
    0.3,
    2,
  ),
  p(
    '1.003003',
    'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    'Đất đai',
    'HUYEN',
    10,
    50_000,
    'MOT_PHAN',
    0.18,
    3,
  ),
  p(
    '1.000879',
    'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    'Đất đai',
    'HUYEN',
    7,
    50_000,
    'MOT_PHAN',
    0.15,
    1,
  ),
  p(
    '2.000488',
    'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    'Lý lịch tư pháp',
    'TINH',
    10,
    200_000,
    'TOAN_TRINH',
    0.7,
    6,
    'STP',
  ),
  p(
    '2.001610',
    'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên',
    'Thành lập và hoạt động doanh nghiệp',
    'TINH',
    3,
    50_000,
    'TOAN_TRINH',
    0.95,
    4,
    'STC',
  ),
  p(
    '1.009972',
    'Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III',
    'Hoạt động xây dựng',
    'TINH',
    20,
    150_000,
    'MOT_PHAN',
    0.4,
    1,
    'SXD',
  ),
  p(
    '1.012267',
    'Cấp giấy phép hành nghề khám bệnh, chữa bệnh',
    'Khám bệnh, chữa bệnh',
    'TINH',
    20,
    360_000,
    'MOT_PHAN',
    0.3,
    1,
    'SYT',
  ),
  p(
    '1.003013',
    'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    'An toàn thực phẩm',
    'TINH',
    20,
    700_000,
    'MOT_PHAN',
    0.45,
    2,
    'SNNMT',
  ),
  p(
    '1.000459',
    'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    'Việc làm',
    'TINH',
    5,
    600_000,
    'TOAN_TRINH',
    0.8,
    1,
    'SNV',
  ),
  p(
    '2.000633',
    'Cấp Giấy phép bán lẻ sản phẩm rượu',
    'Lưu thông hàng hóa trong nước',
    'TINH',
    10,
    1_200_000,
    'TOAN_TRINH',
    0.6,
    1,
    'SCT',
  ),
];

/** How many procedures of each level the province publishes (the denominator of the 766 publicity inputs). */
export const publishedProcedureTotals: Readonly<Record<ProcedureLevel, number>> = {
  XA: 112,
  HUYEN: 263,
  TINH: 1_406,
};
