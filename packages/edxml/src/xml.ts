/** A generic XML element, used for extension elements that edXML does not define (kept and written back). */
export interface XmlElement {
  /** Qualified name as written, e.g. `ext:Note` or `Note`. */
  name: string;
  /** Attributes in document order, namespace declarations included (`xmlns:ext`). */
  attributes: Array<[string, string]>;
  /** Child elements and text, in document order. */
  children: Array<XmlElement | string>;
}

export function escapeText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, '&amp;').replace(/&#60;/g, '&lt;');
}

export function writeElement(e: XmlElement): string {
  let s = `<${e.name}`;
  for (const [k, val] of e.attributes) s += ` ${k}="${escapeAttr(val)}"`;
  if (e.children.length === 0) return `${s}/>`;
  s += '>';
  for (const c of e.children) s += typeof c === 'string' ? escapeText(c) : writeElement(c);
  return `${s}</${e.name}>`;
}
