/** Field-report categories (`maLinhVuc`) with their label, handling time and the texts reports are made of. */
export interface ReportCategory {
  code: string;
  name: string;
  /** Working days the handling agency has. */
  days: number;
  /** Relative frequency in wards; rural communes see fewer street-lighting and traffic reports. */
  urbanWeight: number;
  ruralWeight: number;
  titles: readonly string[];
  /** `{place}` is replaced by a street or hamlet. */
  descriptions: readonly string[];
  resolution: string;
}

export const reportCategories: readonly ReportCategory[] = [
  {
    code: 'HA_TANG_GIAO_THONG',
    name: 'Hư hỏng đường sá, hạ tầng giao thông',
    days: 7,
    urbanWeight: 18,
    ruralWeight: 30,
    titles: ['Mặt đường hư hỏng, nhiều ổ gà', 'Sụt lún mặt đường', 'Nắp hố ga bị vỡ'],
    descriptions: [
      'Mặt {place} bị bong tróc, xuất hiện nhiều ổ gà sâu, gây nguy hiểm cho người đi xe máy nhất là khi trời mưa.',
      'Một đoạn {place} bị sụt lún khoảng 2 m², đề nghị cơ quan chức năng sớm khắc phục.',
      'Nắp hố ga trên {place} bị vỡ, hở miệng hố, đã có người đi đường bị ngã.',
    ],
    resolution: 'Đã vá ổ gà, hoàn trả mặt đường và đặt biển cảnh báo trong thời gian thi công.',
  },
  {
    code: 'CHIEU_SANG',
    name: 'Chiếu sáng công cộng',
    days: 3,
    urbanWeight: 14,
    ruralWeight: 4,
    titles: ['Đèn đường không sáng', 'Cột đèn chiếu sáng bị nghiêng'],
    descriptions: [
      'Hệ thống đèn chiếu sáng trên {place} không sáng nhiều đêm liền, khu vực rất tối, tiềm ẩn mất an toàn.',
      'Cột đèn chiếu sáng tại {place} bị nghiêng, dây điện buông thấp, đề nghị kiểm tra.',
    ],
    resolution: 'Đơn vị quản lý chiếu sáng đã thay bóng, sửa chữa đường dây, khôi phục chiếu sáng.',
  },
  {
    code: 'MOI_TRUONG',
    name: 'Rác thải, vệ sinh môi trường',
    days: 3,
    urbanWeight: 20,
    ruralWeight: 22,
    titles: ['Rác thải tập kết sai quy định', 'Đốt rác gây ô nhiễm', 'Nước thải chảy tràn'],
    descriptions: [
      'Rác thải sinh hoạt tập kết không đúng nơi quy định tại {place}, nhiều ngày không được thu gom, bốc mùi hôi thối.',
      'Một số hộ dân thường xuyên đốt rác tại {place} vào buổi tối, khói bụi ảnh hưởng đến các hộ xung quanh.',
      'Nước thải từ cơ sở chăn nuôi chảy tràn ra {place}, gây ô nhiễm môi trường.',
    ],
    resolution: 'Đã thu gom, vận chuyển rác thải và nhắc nhở các hộ dân thực hiện đúng quy định.',
  },
  {
    code: 'NGAP_UNG',
    name: 'Ngập úng, thoát nước',
    days: 2,
    urbanWeight: 10,
    ruralWeight: 8,
    titles: ['Ngập úng sau mưa lớn', 'Cống thoát nước bị tắc'],
    descriptions: [
      'Sau trận mưa lớn, {place} ngập sâu khoảng 30–40 cm, nước rút rất chậm, xe cộ đi lại khó khăn.',
      'Cống thoát nước tại {place} bị tắc do rác và bùn đất, nước tràn lên mặt đường.',
    ],
    resolution: 'Đã nạo vét, khơi thông cống rãnh thoát nước; khu vực đã hết ngập.',
  },
  {
    code: 'XAY_DUNG',
    name: 'Trật tự xây dựng',
    days: 10,
    urbanWeight: 10,
    ruralWeight: 12,
    titles: ['Xây dựng không phép', 'Lấn chiếm đất công để xây dựng'],
    descriptions: [
      'Một hộ gia đình tại {place} đang xây dựng nhà nhiều tầng, không thấy treo biển báo giấy phép xây dựng.',
      'Có công trình xây dựng lấn chiếm hành lang an toàn giao thông tại {place}.',
    ],
    resolution: 'Đã kiểm tra hiện trường, lập biên bản và yêu cầu chủ công trình khắc phục vi phạm.',
  },
  {
    code: 'TRAT_TU_GIAO_THONG',
    name: 'Trật tự giao thông, lấn chiếm vỉa hè',
    days: 5,
    urbanWeight: 14,
    ruralWeight: 5,
    titles: ['Lấn chiếm vỉa hè, lòng đường', 'Đỗ xe sai quy định'],
    descriptions: [
      'Nhiều hộ kinh doanh lấn chiếm vỉa hè, lòng đường trên {place}, người đi bộ phải đi xuống lòng đường.',
      'Xe tải thường xuyên đỗ dưới lòng {place} vào giờ cao điểm, gây ùn tắc.',
    ],
    resolution: 'Lực lượng chức năng đã ra quân nhắc nhở, xử lý các trường hợp vi phạm, trả lại vỉa hè.',
  },
  {
    code: 'AN_NINH_TRAT_TU',
    name: 'An ninh, trật tự công cộng',
    days: 3,
    urbanWeight: 7,
    ruralWeight: 9,
    titles: ['Gây mất trật tự ban đêm', 'Tụ tập đua xe'],
    descriptions: [
      'Nhóm thanh niên thường xuyên tụ tập, gây ồn ào, mất trật tự vào ban đêm tại {place}.',
      'Có hiện tượng tụ tập đua xe, lạng lách trên {place} vào tối cuối tuần.',
    ],
    resolution: 'Công an đã tăng cường tuần tra, kiểm soát, giải tán các đối tượng tụ tập.',
  },
  {
    code: 'CAY_XANH',
    name: 'Cây xanh đô thị',
    days: 3,
    urbanWeight: 5,
    ruralWeight: 3,
    titles: ['Cây xanh có nguy cơ gãy đổ', 'Cây đổ chắn đường'],
    descriptions: [
      'Cây xanh trên {place} bị mục gốc, nghiêng ra lòng đường, có nguy cơ gãy đổ khi mưa bão.',
      'Sau trận dông, cây đổ chắn ngang {place}, chưa được dọn dẹp.',
    ],
    resolution: 'Đã cắt tỉa, hạ cây có nguy cơ gãy đổ và dọn dẹp hiện trường.',
  },
  {
    code: 'KHAC',
    name: 'Lĩnh vực khác',
    days: 7,
    urbanWeight: 2,
    ruralWeight: 2,
    titles: ['Phản ánh khác'],
    descriptions: ['Đề nghị cơ quan chức năng kiểm tra tình trạng xuống cấp của nhà văn hóa tại {place}.'],
    resolution: 'Đã tiếp thu, kiểm tra và trả lời công dân.',
  },
];

/** Streets of the former Hòa Bình city (wards) and places in rural communes. */
export const urbanStreets = [
  'đường Cù Chính Lan',
  'đường Trần Hưng Đạo',
  'đường Hoàng Văn Thụ',
  'đường Lê Thánh Tông',
  'đường Chi Lăng',
  'đường An Dương Vương',
  'đường Điện Biên Phủ',
  'đường Thịnh Lang',
  'đường Trương Hán Siêu',
  'đường Phùng Hưng',
  'đường Hữu Nghị',
  'đường Lý Thường Kiệt',
  'đường Nguyễn Văn Trỗi',
  'đường Trần Quý Cáp',
] as const;

export const ruralPlaces = [
  'Quốc lộ 6',
  'Quốc lộ 12B',
  'Quốc lộ 21',
  'đường Hồ Chí Minh',
  'tỉnh lộ 433',
  'tỉnh lộ 435',
  'tỉnh lộ 436',
  'tỉnh lộ 438',
  'đường liên xóm',
  'đường vào xóm Mường',
  'đường vào xóm Bãi',
  'đường vào xóm Đồng',
] as const;
