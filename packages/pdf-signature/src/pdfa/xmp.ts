/**
 * The XMP packet of a PDF/A-2b file (ISO 19005-2 §6.6): PDF/A identification (part 2, conformance B), Dublin Core
 * title (and creator, language), xmp dates, creator tool and producer agreeing with the Info dictionary, and, for
 * scans, the resolution in the TIFF schema. Shared by this package's scanned copies and `@egov-vn/document-pdf`.
 */

export interface PdfaXmpOptions {
  readonly title: string;
  /** dc:creator (one author). */
  readonly creator?: string;
  /** dc:language, e.g. `vi-VN`. */
  readonly language?: string;
  /** xmp:CreateDate / ModifyDate / MetadataDate, already formatted (ISO 8601 with a zone, e.g. `…+07:00` or `…Z`). */
  readonly date: string;
  /** pdf:Producer and xmp:CreatorTool (the Info dictionary must say the same). */
  readonly producer: string;
  readonly creatorTool?: string;
  /** Resolution of scanned pages (dpi), recorded as tiff:X/YResolution when every page shares it. */
  readonly resolutionDpi?: number;
}

function xmlEscape(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** The XMP packet text (encode it as UTF-8 into the catalog's /Metadata stream, uncompressed). */
export function pdfaXmp(o: PdfaXmpOptions): string {
  const res = `${Math.round(o.resolutionDpi ?? 0)}/1`;
  const resolution =
    o.resolutionDpi === undefined
      ? ''
      : `
  <rdf:Description rdf:about="" xmlns:tiff="http://ns.adobe.com/tiff/1.0/">
   <tiff:XResolution>${res}</tiff:XResolution>
   <tiff:YResolution>${res}</tiff:YResolution>
   <tiff:ResolutionUnit>2</tiff:ResolutionUnit>
  </rdf:Description>`;
  const creator = o.creator === undefined ? '' : `\n   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(o.creator)}</rdf:li></rdf:Seq></dc:creator>`;
  const language = o.language === undefined ? '' : `\n   <dc:language><rdf:Bag><rdf:li>${xmlEscape(o.language)}</rdf:li></rdf:Bag></dc:language>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(o.title)}</rdf:li></rdf:Alt></dc:title>${creator}${language}
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${o.date}</xmp:CreateDate>
   <xmp:ModifyDate>${o.date}</xmp:ModifyDate>
   <xmp:MetadataDate>${o.date}</xmp:MetadataDate>
   <xmp:CreatorTool>${xmlEscape(o.creatorTool ?? o.producer)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xmlEscape(o.producer)}</pdf:Producer>
  </rdf:Description>${resolution}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
