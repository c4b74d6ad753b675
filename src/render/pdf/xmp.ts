import type { Doc } from "./layout.js";

// The PDF/A extension schema that declares pdfuaid, as ISO 14289-1 gives it: PDF/A allows only declared XMP properties.
const PDFUA_EXTENSION_SCHEMA = `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        `;

/**
 * Adds to the document's XMP metadata what pdfkit leaves out: the PDF/UA
 * identifier (part 1), with the extension schema that declares it in a
 * PDF/A file, and xmp:ModifyDate, the same instant as the Info dictionary's
 * ModDate (ISO 19005-1, 6.7.3). Call before `doc.end()`, which writes the
 * metadata.
 */
export function addPacketMetadata(doc: Doc, options: { modified: Date; pdfa: boolean }): void {
  // The format pdfkit writes xmp:CreateDate in: seconds, UTC.
  const date = `${options.modified.toISOString().split(".")[0]}Z`;
  doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        `);
  if (options.pdfa) doc.appendXML(PDFUA_EXTENSION_SCHEMA);
}
