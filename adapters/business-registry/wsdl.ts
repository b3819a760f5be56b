/**
 * The contract of the business registry's lookup service (Cơ sở dữ liệu quốc gia về đăng ký doanh
 * nghiệp, dịch vụ tra cứu thông tin doanh nghiệp): WSDL 1.1, document/literal, SOAP 1.1. Like the
 * population database, every request carries a `ThongTinYeuCau` header (request id, unit, who, why).
 */
import { lookupServiceWsdl, type LookupWsdlSpec } from '../soap/lookup-wsdl';

/** Target namespace of the service. */
export const BUSINESS_REGISTRY_NAMESPACE = 'urn:vn:gov:dkkd:tracuu:v1';

/** Name of the source system in errors, access logs and value sources. */
export const BUSINESS_REGISTRY_SYSTEM = 'CSDL_DKDN';

/** Most codes one `TraCuuNhieuDoanhNghiep` call accepts (the schema's maxOccurs). */
export const BUSINESS_REGISTRY_MAX_BATCH = 50;

/** Tình trạng hoạt động values the simulator uses (the registry may send others; the hub keeps the text). */
export const ORGANIZATION_STATUSES = {
  ACTIVE: 'Đang hoạt động',
  SUSPENDED: 'Tạm ngừng kinh doanh',
  DISSOLVING: 'Đang làm thủ tục giải thể',
  DISSOLVED: 'Đã giải thể',
} as const;

/** Error codes (`MaLoi`) sent in the `LoiTraCuu` fault detail, with their SOAP fault codes. */
export const BUSINESS_REGISTRY_FAULTS = {
  KHONG_TIM_THAY: { faultcode: 'Client.KhongTimThay', vi: 'Không tìm thấy doanh nghiệp có mã số đã cho.' },
  MA_SO_KHONG_HOP_LE: { faultcode: 'Client.MaSoKhongHopLe', vi: 'Mã số doanh nghiệp không hợp lệ.' },
  THIEU_THONG_TIN_YEU_CAU: { faultcode: 'Client.ThieuThongTinYeuCau', vi: 'Thiếu thông tin yêu cầu tra cứu (ThongTinYeuCau).' },
  YEU_CAU_KHONG_HOP_LE: { faultcode: 'Client.YeuCauKhongHopLe', vi: 'Yêu cầu tra cứu không hợp lệ.' },
  TAM_NGUNG_DICH_VU: { faultcode: 'Server.TamNgungDichVu', vi: 'Dịch vụ tra cứu tạm ngừng hoạt động.' },
} as const;

export type BusinessRegistryFaultCode = keyof typeof BUSINESS_REGISTRY_FAULTS;

const NS = BUSINESS_REGISTRY_NAMESPACE;

const SPEC: LookupWsdlSpec = {
  namespace: NS,
  name: 'TraCuuDoanhNghiep',
  documentation: 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp - dịch vụ tra cứu thông tin doanh nghiệp.',
  schema: `
      <xsd:simpleType name="MaSoDoanhNghiepType">
        <xsd:annotation><xsd:documentation>Mã số doanh nghiệp: 10 chữ số (chữ số thứ 10 là chữ số kiểm tra), hoặc mã số đơn vị phụ thuộc NNNNNNNNNN-NNN (Thông tư 105/2020/TT-BTC).</xsd:documentation></xsd:annotation>
        <xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]{10}(-[0-9]{3})?"/></xsd:restriction>
      </xsd:simpleType>
      <xsd:complexType name="DiaChiType">
        <xsd:annotation><xsd:documentation>Địa chỉ theo đơn vị hành chính hai cấp (tỉnh, xã) từ 01/7/2025.</xsd:documentation></xsd:annotation>
        <xsd:sequence>
          <xsd:element name="SoNhaDuong" type="xsd:string" minOccurs="0"/>
          <xsd:element name="PhuongXa" type="xsd:string"/>
          <xsd:element name="TinhThanhPho" type="xsd:string"/>
          <xsd:element name="DiaChiDayDu" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="NguoiDaiDienType">
        <xsd:sequence>
          <xsd:element name="HoTen" type="xsd:string"/>
          <xsd:element name="SoDinhDanh" type="xsd:string" minOccurs="0"/>
          <xsd:element name="ChucDanh" type="xsd:string" minOccurs="0"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="DoanhNghiepType">
        <xsd:sequence>
          <xsd:element name="MaSoDoanhNghiep" type="tns:MaSoDoanhNghiepType"/>
          <xsd:element name="TenDoanhNghiep" type="xsd:string"/>
          <xsd:element name="TenTiengAnh" type="xsd:string" minOccurs="0"/>
          <xsd:element name="LoaiHinh" type="xsd:string"/>
          <xsd:element name="DiaChiTruSo" type="tns:DiaChiType"/>
          <xsd:element name="NguoiDaiDienPhapLuat" type="tns:NguoiDaiDienType" minOccurs="0"/>
          <xsd:element name="NgayCapLan1" type="xsd:date"/>
          <xsd:element name="TinhTrang" type="xsd:string"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="TraCuuDoanhNghiep">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="MaSoDoanhNghiep" type="tns:MaSoDoanhNghiepType"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuDoanhNghiepResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="DoanhNghiep" type="tns:DoanhNghiepType"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuNhieuDoanhNghiep">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="MaSoDoanhNghiep" type="tns:MaSoDoanhNghiepType" maxOccurs="${BUSINESS_REGISTRY_MAX_BATCH}"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuNhieuDoanhNghiepResponse">
        <xsd:annotation><xsd:documentation>Chỉ gồm những doanh nghiệp tìm thấy.</xsd:documentation></xsd:annotation>
        <xsd:complexType><xsd:sequence>
          <xsd:element name="DoanhNghiep" type="tns:DoanhNghiepType" minOccurs="0" maxOccurs="${BUSINESS_REGISTRY_MAX_BATCH}"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>`,
  operations: [
    { name: 'TraCuuDoanhNghiep', documentation: 'Tra cứu một doanh nghiệp hoặc đơn vị phụ thuộc theo mã số.' },
    { name: 'TraCuuNhieuDoanhNghiep', documentation: 'Tra cứu nhiều doanh nghiệp; mã số không tìm thấy được bỏ qua.' },
  ],
  serviceName: 'DichVuTraCuuDoanhNghiep',
  portName: 'TraCuuDoanhNghiepPort',
};

/** The WSDL, with `endpoint` as the service address. */
export const businessRegistryWsdl = (endpoint: string): string => lookupServiceWsdl(SPEC, endpoint);
