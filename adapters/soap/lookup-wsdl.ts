/**
 * The WSDL frame of a lookup service that follows the lookup convention (lookup-convention.ts):
 * WSDL 1.1, document/literal, SOAP 1.1; every operation takes the `ThongTinYeuCau` header and may
 * answer the `LoiTraCuu` fault. A source brings only its own types, elements and operations.
 */

export interface LookupWsdlSpec {
  namespace: string;
  /** Base name of definitions, port type (`…PortType`) and binding (`…Binding`), e.g. "TraCuuDanCu". */
  name: string;
  documentation: string;
  /** The source's own XSD types and operation elements (request `X`, response `XResponse`). */
  schema: string;
  operations: ReadonlyArray<{ name: string; documentation: string }>;
  serviceName: string;
  portName: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The WSDL, with `endpoint` as the service address. */
export function lookupServiceWsdl(spec: LookupWsdlSpec, endpoint: string): string {
  const NS = spec.namespace;
  const messages = spec.operations
    .map(
      ({ name }) => `
  <wsdl:message name="${name}Request"><wsdl:part name="parameters" element="tns:${name}"/></wsdl:message>
  <wsdl:message name="${name}Response"><wsdl:part name="parameters" element="tns:${name}Response"/></wsdl:message>`,
    )
    .join('');
  const portOperations = spec.operations
    .map(
      ({ name, documentation }) => `
    <wsdl:operation name="${name}">
      <wsdl:documentation>${documentation}</wsdl:documentation>
      <wsdl:input message="tns:${name}Request"/>
      <wsdl:output message="tns:${name}Response"/>
      <wsdl:fault name="LoiTraCuu" message="tns:LoiTraCuuFault"/>
    </wsdl:operation>`,
    )
    .join('');
  const bindingOperations = spec.operations
    .map(
      ({ name }) => `
    <wsdl:operation name="${name}">
      <soap:operation soapAction="${NS}#${name}" style="document"/>
      <wsdl:input>
        <soap:header message="tns:ThongTinYeuCauHeader" part="ThongTinYeuCau" use="literal"/>
        <soap:body use="literal"/>
      </wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="LoiTraCuu"><soap:fault name="LoiTraCuu" use="literal"/></wsdl:fault>
    </wsdl:operation>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="${spec.name}" targetNamespace="${NS}"
  xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
  xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema"
  xmlns:tns="${NS}">
  <wsdl:documentation>${spec.documentation}</wsdl:documentation>
  <wsdl:types>
    <xsd:schema targetNamespace="${NS}" elementFormDefault="qualified">${spec.schema}
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
      <xsd:element name="LoiTraCuu">
        <xsd:complexType><xsd:sequence>
          <xsd:element name="MaLoi" type="xsd:string"/>
          <xsd:element name="MoTa" type="xsd:string"/>
        </xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
  <wsdl:message name="ThongTinYeuCauHeader"><wsdl:part name="ThongTinYeuCau" element="tns:ThongTinYeuCau"/></wsdl:message>${messages}
  <wsdl:message name="LoiTraCuuFault"><wsdl:part name="fault" element="tns:LoiTraCuu"/></wsdl:message>
  <wsdl:portType name="${spec.name}PortType">${portOperations}
  </wsdl:portType>
  <wsdl:binding name="${spec.name}Binding" type="tns:${spec.name}PortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOperations}
  </wsdl:binding>
  <wsdl:service name="${spec.serviceName}">
    <wsdl:port name="${spec.portName}" binding="tns:${spec.name}Binding">
      <soap:address location="${escapeAttribute(endpoint)}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
