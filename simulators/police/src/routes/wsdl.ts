import { escapeXml } from '@lgsp/simulator-kit';
import { POLICE_NAMESPACE } from './soapRequest.js';

/** Request and response elements are typed loosely (`xsd:any`): the README documents their children. */
function elementXml(name: string): string {
  return (
    `<xsd:element name="${name}"><xsd:complexType><xsd:sequence>` +
    '<xsd:any minOccurs="0" maxOccurs="unbounded" processContents="lax"/>' +
    '</xsd:sequence></xsd:complexType></xsd:element>'
  );
}

function operationXml(operation: string): { types: string; messages: string; port: string; binding: string } {
  return {
    types: elementXml(operation) + elementXml(`${operation}Response`),
    messages:
      `<wsdl:message name="${operation}SoapIn"><wsdl:part name="parameters" element="tns:${operation}"/></wsdl:message>` +
      `<wsdl:message name="${operation}SoapOut"><wsdl:part name="parameters" element="tns:${operation}Response"/></wsdl:message>`,
    port:
      `<wsdl:operation name="${operation}"><wsdl:input message="tns:${operation}SoapIn"/>` +
      `<wsdl:output message="tns:${operation}SoapOut"/></wsdl:operation>`,
    binding:
      `<wsdl:operation name="${operation}"><soap:operation soapAction="${POLICE_NAMESPACE}/${operation}" style="document"/>` +
      '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output>' +
      '</wsdl:operation>',
  };
}

/** The service description a .NET ASMX service publishes at `?wsdl` (WSDL 1.1, document/literal). */
export function policeWsdl(operations: readonly string[], location: string): string {
  const parts = operations.map(operationXml);
  const join = (key: keyof ReturnType<typeof operationXml>): string =>
    parts.map((part) => part[key]).join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"' +
    ` xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${POLICE_NAMESPACE}" targetNamespace="${POLICE_NAMESPACE}">` +
    `<wsdl:types><xsd:schema elementFormDefault="qualified" targetNamespace="${POLICE_NAMESPACE}">${join('types')}` +
    `</xsd:schema></wsdl:types>${join('messages')}` +
    `<wsdl:portType name="PoliceServiceSoap">${join('port')}</wsdl:portType>` +
    '<wsdl:binding name="PoliceServiceSoap" type="tns:PoliceServiceSoap">' +
    `<soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>${join('binding')}</wsdl:binding>` +
    '<wsdl:service name="PoliceService"><wsdl:port name="PoliceServiceSoap" binding="tns:PoliceServiceSoap">' +
    `<soap:address location="${escapeXml(location)}"/></wsdl:port></wsdl:service></wsdl:definitions>`
  );
}
