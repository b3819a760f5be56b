/**
 * The contract of the population database's lookup service (dịch vụ tra cứu thông tin công dân):
 * WSDL 1.1, document/literal, SOAP 1.1. Requests carry a `ThongTinYeuCau` header naming the
 * request, the unit and person looking up and the purpose, which the source keeps in its own log.
 */
import { lookupServiceWsdl, type LookupWsdlSpec } from '../soap/lookup-wsdl';

/** Target namespace of the service. */
export const POPULATION_DB_NAMESPACE = 'urn:vn:gov:dancu:tracuu:v1';

/** Name of the source system in errors, access logs and value sources. */
export const POPULATION_DB_SYSTEM = 'CSDLQG_DAN_CU';

/** Most ids one `TraCuuNhieuCongDan` call accepts (the schema's maxOccurs). */
export const POPULATION_DB_MAX_BATCH = 100;

/** `GioiTinh` codes (danh mục giới tính). */
export const SEX_CODES = { MALE: '1', FEMALE: '2' } as const;

/** Error codes (`MaLoi`) sent in the `LoiTraCuu` fault detail, with their SOAP fault codes. */
export const POPULATION_DB_FAULTS = {
  KHONG_TIM_THAY: { faultcode: 'Client.KhongTimThay', vi: 'Không tìm thấy công dân có số định danh đã cho.' },
  SO_DINH_DANH_KHONG_HOP_LE: { faultcode: 'Client.SoDinhDanhKhongHopLe', vi: 'Số định danh cá nhân không hợp lệ.' },
  THIEU_THONG_TIN_YEU_CAU: { faultcode: 'Client.ThieuThongTinYeuCau', vi: 'Thiếu thông tin yêu cầu tra cứu (ThongTinYeuCau).' },
  YEU_CAU_KHONG_HOP_LE: { faultcode: 'Client.YeuCauKhongHopLe', vi: 'Yêu cầu tra cứu không hợp lệ.' },
  TAM_NGUNG_DICH_VU: { faultcode: 'Server.TamNgungDichVu', vi: 'Dịch vụ tra cứu tạm ngừng hoạt động.' },
} as const;

export type PopulationDbFaultCode = keyof typeof POPULATION_DB_FAULTS;

const NS = POPULATION_DB_NAMESPACE;

const SPEC: LookupWsdlSpec = {
  namespace: NS,
  name: 'TraCuuDanCu',
  documentation: 'Cơ sở dữ liệu quốc gia về dân cư - dịch vụ tra cứu thông tin công dân.',
  schema: `
      <xsd:simpleType name="SoDinhDanhType">
        <xsd:annotation><xsd:documentation>Số định danh cá nhân: 12 chữ số.</xsd:documentation></xsd:annotation>
        <xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]{12}"/></xsd:restriction>
      </xsd:simpleType>
      <xsd:simpleType name="GioiTinhType">
        <xsd:annotation><xsd:documentation>1: Nam; 2: Nữ.</xsd:documentation></xsd:annotation>
        <xsd:restriction base="xsd:string">
          <xsd:enumeration value="${SEX_CODES.MALE}"/>
          <xsd:enumeration value="${SEX_CODES.FEMALE}"/>
        </xsd:restriction>
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
      <xsd:complexType name="CongDanType">
        <xsd:sequence>
          <xsd:element name="SoDinhDanh" type="tns:SoDinhDanhType"/>
          <xsd:element name="HoVaTen" type="xsd:string"/>
          <xsd:element name="NgaySinh" type="xsd:date"/>
          <xsd:element name="GioiTinh" type="tns:GioiTinhType"/>
          <xsd:element name="DanToc" type="xsd:string" minOccurs="0"/>
          <xsd:element name="QuocTich" type="xsd:string" minOccurs="0"/>
          <xsd:element name="QueQuan" type="tns:DiaChiType" minOccurs="0"/>
          <xsd:element name="NoiThuongTru" type="tns:DiaChiType" minOccurs="0"/>
          <xsd:element name="NoiOHienTai" type="tns:DiaChiType" minOccurs="0" nillable="true"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="TraCuuCongDan">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="SoDinhDanh" type="tns:SoDinhDanhType"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuCongDanResponse">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="CongDan" type="tns:CongDanType"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuNhieuCongDan">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="SoDinhDanh" type="tns:SoDinhDanhType" maxOccurs="${POPULATION_DB_MAX_BATCH}"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="TraCuuNhieuCongDanResponse">
        <xsd:annotation><xsd:documentation>Chỉ gồm những công dân tìm thấy.</xsd:documentation></xsd:annotation>
        <xsd:complexType><xsd:sequence>
          <xsd:element name="CongDan" type="tns:CongDanType" minOccurs="0" maxOccurs="${POPULATION_DB_MAX_BATCH}"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>`,
  operations: [
    { name: 'TraCuuCongDan', documentation: 'Tra cứu một công dân theo số định danh cá nhân.' },
    { name: 'TraCuuNhieuCongDan', documentation: 'Tra cứu nhiều công dân; công dân không tìm thấy được bỏ qua.' },
  ],
  serviceName: 'DichVuTraCuuDanCu',
  portName: 'TraCuuDanCuPort',
};

/** The WSDL, with `endpoint` as the service address. */
export const populationDbWsdl = (endpoint: string): string => lookupServiceWsdl(SPEC, endpoint);
