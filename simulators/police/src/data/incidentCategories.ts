/** One category of the police system's code list of security and public-order incidents. */
export interface IncidentCategoryDef {
  /** The upstream code (the system's own Vietnamese abbreviations). */
  code: string;
  name: string;
  /** Relative frequency. */
  weight: number;
  /** Chance that a case is solved or prosecuted once it is older than a month. */
  solveRate: number;
  /** Summary templates: {place} and {amount} are filled in. */
  summaries: readonly string[];
  /** Whether the scene is usually a home (its address and coordinates then pin a person). */
  residential: boolean;
  /** Range of damage in VND, or undefined when none. */
  damageVnd?: readonly [number, number];
}

export const incidentCategories: readonly IncidentCategoryDef[] = [
  {
    code: 'TROM_CAP',
    name: 'Trộm cắp tài sản',
    weight: 30,
    solveRate: 0.55,
    residential: true,
    damageVnd: [2_000_000, 60_000_000],
    summaries: [
      'Trộm cắp xe mô tô tại {place}, thiệt hại khoảng {amount}',
      'Mất trộm tiền và tài sản tại nhà riêng, thiệt hại khoảng {amount}',
      'Trộm cắp điện thoại di động tại {place}',
      'Trộm cắp gia súc (trâu, bò) của hộ dân, thiệt hại khoảng {amount}',
    ],
  },
  {
    code: 'CUOP_TAI_SAN',
    name: 'Cướp tài sản',
    weight: 4,
    solveRate: 0.8,
    residential: false,
    damageVnd: [3_000_000, 80_000_000],
    summaries: [
      'Cướp giật túi xách của người đi đường gần {place}',
      'Dùng hung khí cướp tài sản tại {place}',
    ],
  },
  {
    code: 'CO_Y_GAY_THUONG_TICH',
    name: 'Cố ý gây thương tích',
    weight: 12,
    solveRate: 0.85,
    residential: false,
    summaries: [
      'Xô xát, đánh nhau gây thương tích tại {place}',
      'Mâu thuẫn trong sinh hoạt dẫn đến cố ý gây thương tích',
      'Nhóm thanh niên dùng hung khí gây thương tích tại {place}',
    ],
  },
  {
    code: 'LUA_DAO',
    name: 'Lừa đảo chiếm đoạt tài sản',
    weight: 14,
    solveRate: 0.3,
    residential: true,
    damageVnd: [5_000_000, 900_000_000],
    summaries: [
      'Lừa đảo chiếm đoạt tài sản qua mạng xã hội, thiệt hại {amount}',
      'Giả danh cơ quan công an gọi điện lừa chuyển tiền, thiệt hại {amount}',
      'Lừa đảo đầu tư tiền ảo, thiệt hại {amount}',
    ],
  },
  {
    code: 'MA_TUY',
    name: 'Tội phạm về ma túy',
    weight: 12,
    solveRate: 0.95,
    residential: false,
    summaries: [
      'Bắt quả tang tàng trữ trái phép chất ma túy tại {place}',
      'Phát hiện nhóm đối tượng tổ chức sử dụng trái phép chất ma túy',
      'Mua bán trái phép chất ma túy (heroin, ma túy tổng hợp) tại {place}',
    ],
  },
  {
    code: 'DANH_BAC',
    name: 'Đánh bạc, tổ chức đánh bạc',
    weight: 8,
    solveRate: 0.95,
    residential: true,
    summaries: [
      'Bắt quả tang đánh bạc dưới hình thức ghi lô đề',
      'Triệt phá tụ điểm đánh bạc (xóc đĩa) tại {place}',
    ],
  },
  {
    code: 'GAY_ROI_TTCC',
    name: 'Gây rối trật tự công cộng',
    weight: 10,
    solveRate: 0.9,
    residential: false,
    summaries: [
      'Gây rối trật tự công cộng tại {place}',
      'Tụ tập đua xe, lạng lách trên {road}',
      'Say rượu gây mất trật tự tại {place}',
    ],
  },
  {
    code: 'CHAY_NO',
    name: 'Cháy, nổ',
    weight: 5,
    solveRate: 0.7,
    residential: true,
    damageVnd: [10_000_000, 1_500_000_000],
    summaries: [
      'Cháy nhà dân, thiệt hại ước tính {amount}',
      'Cháy kho hàng tại {place}',
      'Cháy rừng trồng (keo) tại khu vực đồi',
    ],
  },
  {
    code: 'HUY_HOAI_TAI_SAN',
    name: 'Hủy hoại tài sản',
    weight: 5,
    solveRate: 0.6,
    residential: true,
    damageVnd: [1_000_000, 40_000_000],
    summaries: ['Cố ý làm hư hỏng tài sản của hộ dân, thiệt hại {amount}', 'Đập phá tài sản tại {place}'],
  },
];

/** Status codes of the system, in the order a case moves through them. */
export const incidentStatuses = {
  received: { code: 'TIEP_NHAN', name: 'Tiếp nhận' },
  verifying: { code: 'DANG_XAC_MINH', name: 'Đang xác minh' },
  prosecuted: { code: 'DA_KHOI_TO', name: 'Đã khởi tố' },
  resolved: { code: 'DA_GIAI_QUYET', name: 'Đã giải quyết' },
  transferred: { code: 'DA_CHUYEN', name: 'Đã chuyển cơ quan khác' },
} as const;
