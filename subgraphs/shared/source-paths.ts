/**
 * The data-source paths an e-form field may be bound to (seed 003: e-Form fields bound to data the
 * state already holds). Procedures validate bindings against this list; the citizens subgraph
 * resolves each path from the national database that holds it. Values are form-ready text, as a
 * person would write them on the paper form (dates YYYY-MM-DD, sex "Nam"/"Nữ", addresses on one line).
 */
export const SOURCE_PATHS = {
  'citizen.personalId': 'Số định danh cá nhân',
  'citizen.fullName': 'Họ, chữ đệm và tên',
  'citizen.dateOfBirth': 'Ngày, tháng, năm sinh',
  'citizen.sex': 'Giới tính',
  'citizen.ethnicity': 'Dân tộc',
  'citizen.nationality': 'Quốc tịch',
  'citizen.hometown': 'Quê quán',
  'citizen.permanentAddress': 'Nơi thường trú',
  'citizen.currentAddress': 'Nơi ở hiện tại',
  // CSDL quốc gia về đăng ký doanh nghiệp, when the prefill names an organisation (tax code).
  'organization.taxCode': 'Mã số doanh nghiệp',
  'organization.name': 'Tên doanh nghiệp',
  'organization.englishName': 'Tên doanh nghiệp bằng tiếng nước ngoài',
  'organization.legalForm': 'Loại hình doanh nghiệp',
  'organization.headOfficeAddress': 'Địa chỉ trụ sở chính',
  'organization.legalRepresentative': 'Người đại diện theo pháp luật',
  'organization.registrationDate': 'Ngày cấp giấy chứng nhận đăng ký doanh nghiệp lần đầu',
  'organization.status': 'Tình trạng hoạt động',
} as const;

export type SourcePath = keyof typeof SOURCE_PATHS;

export const isSourcePath = (path: string): path is SourcePath => Object.hasOwn(SOURCE_PATHS, path);
