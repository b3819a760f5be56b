/**
 * The contract of the population database's lookup service (dịch vụ tra cứu thông tin công dân):
 * WSDL 1.1, document/literal, SOAP 1.1. Requests carry a `ThongTinYeuCau` header naming the
 * request, the unit and person looking up and the purpose, which the source keeps in its own log.
 */

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

/** The WSDL, with `endpoint` as the service address. */
export function populationDbWsdl(endpoint: string): string {
  const location = endpoint.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const operation = (name: string, doc: string) => `
    <wsdl:operation name="${name}">
      <wsdl:documentation>${doc}</wsdl:documentation>
      <wsdl:input message="tns:${name}Request"/>
      <wsdl:output message="tns:${name}Response"/>
      <wsdl:fault name="LoiTraCuu" message="tns:LoiTraCuuFault"/>
    </wsdl:operation>`;
  const bindingOperation = (name: string) => `
    <wsdl:operation name="${name}">
      <soap:operation soapAction="${NS}#${name}" style="document"/>
      <wsdl:input>
        <soap:header message="tns:ThongTinYeuCauHeader" part="ThongTinYeuCau" use="literal"/>
        <soap:body use="literal"/>
      </wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="LoiTraCuu"><soap:fault name="LoiTraCuu" use="literal"/></wsdl:fault>
    </wsdl:operation>`;
  const messages = (name: string) => `
  <wsdl:message name="${name}Request"><wsdl:part name="parameters" element="tns:${name}"/></wsdl:message>
  <wsdl:message name="${name}Response"><wsdl:part name="parameters" element="tns:${name}Response"/></wsdl:message>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="TraCuuDanCu" targetNamespace="${NS}"
  xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  xmlns:tns="${NS}">
  <wsdl:documentation>Cơ sở dữ liệu quốc gia về dân cư - dịch vụ tra cứu thông tin công dân.</wsdl:documentation>
  <wsdl:types>
    <xsd:schema targetNamespace="${NS}" elementFormDefault="qualified">
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
      <xsd:element name="ThongTinYeuCau">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="MaYeuCau" type="xsd:string"/>
            <xsd:element name="MaDonVi" type="xsd:string"/>
            <xsd:element name="NguoiTraCuu" type="xsd:string"/>
            <xsd:element name="MucDich" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
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
      </xsd:element>
      <xsd:element name="LoiTraCuu">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="MaLoi" type="xsd:string"/>
          <xsd:element name="MoTa" type="xsd:string"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
  <wsdl:message name="ThongTinYeuCauHeader"><wsdl:part name="ThongTinYeuCau" element="tns:ThongTinYeuCau"/></wsdl:message>${messages('TraCuuCongDan')}${messages('TraCuuNhieuCongDan')}
  <wsdl:message name="LoiTraCuuFault"><wsdl:part name="fault" element="tns:LoiTraCuu"/></wsdl:message>
  <wsdl:portType name="TraCuuDanCuPortType">${operation('TraCuuCongDan', 'Tra cứu một công dân theo số định danh cá nhân.')}${operation('TraCuuNhieuCongDan', 'Tra cứu nhiều công dân; công dân không tìm thấy được bỏ qua.')}
  </wsdl:portType>
  <wsdl:binding name="TraCuuDanCuBinding" type="tns:TraCuuDanCuPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOperation('TraCuuCongDan')}${bindingOperation('TraCuuNhieuCongDan')}
  </wsdl:binding>
  <wsdl:service name="DichVuTraCuuDanCu">
    <wsdl:port name="TraCuuDanCuPort" binding="tns:TraCuuDanCuBinding">
      <soap:address location="${location}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
