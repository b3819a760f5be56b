/**
 * The contract of the business registry's lookup service (Cơ sở dữ liệu quốc gia về đăng ký doanh
 * nghiệp, dịch vụ tra cứu thông tin doanh nghiệp): WSDL 1.1, document/literal, SOAP 1.1. Like the
 * population database, every request carries a `ThongTinYeuCau` header (request id, unit, who, why).
 */

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

/** The WSDL, with `endpoint` as the service address. */
export function businessRegistryWsdl(endpoint: string): string {
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
<wsdl:definitions name="TraCuuDoanhNghiep" targetNamespace="${NS}"
  xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  xmlns:tns="${NS}">
  <wsdl:documentation>Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp - dịch vụ tra cứu thông tin doanh nghiệp.</wsdl:documentation>
  <wsdl:types>
    <xsd:schema targetNamespace="${NS}" elementFormDefault="qualified">
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
      </xsd:element>
      <xsd:element name="LoiTraCuu">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="MaLoi" type="xsd:string"/>
          <xsd:element name="MoTa" type="xsd:string"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
  <wsdl:message name="ThongTinYeuCauHeader"><wsdl:part name="ThongTinYeuCau" element="tns:ThongTinYeuCau"/></wsdl:message>${messages('TraCuuDoanhNghiep')}${messages('TraCuuNhieuDoanhNghiep')}
  <wsdl:message name="LoiTraCuuFault"><wsdl:part name="fault" element="tns:LoiTraCuu"/></wsdl:message>
  <wsdl:portType name="TraCuuDoanhNghiepPortType">${operation('TraCuuDoanhNghiep', 'Tra cứu một doanh nghiệp hoặc đơn vị phụ thuộc theo mã số.')}${operation('TraCuuNhieuDoanhNghiep', 'Tra cứu nhiều doanh nghiệp; mã số không tìm thấy được bỏ qua.')}
  </wsdl:portType>
  <wsdl:binding name="TraCuuDoanhNghiepBinding" type="tns:TraCuuDoanhNghiepPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOperation('TraCuuDoanhNghiep')}${bindingOperation('TraCuuNhieuDoanhNghiep')}
  </wsdl:binding>
  <wsdl:service name="DichVuTraCuuDoanhNghiep">
    <wsdl:port name="TraCuuDoanhNghiepPort" binding="tns:TraCuuDoanhNghiepBinding">
      <soap:address location="${location}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
