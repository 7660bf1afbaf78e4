import { Base64Encoder, encodeBase64 } from './base64.js';
import type { EdxmlAttachment } from './attachment.js';
import { EDXML_NS, XLINK_NS, type EdxmlDocumentPackage, type EdxmlPackage, type EdxmlStatusPackage } from './model.js';
import {
  attachmentSpec,
  manifestReferenceSpec,
  messageHeaderSpec,
  statusHeaderSpec,
  traceHeaderListSpec,
  type Spec,
} from './spec.js';
import { escapeAttr, escapeText, writeElement, type XmlElement } from './xml.js';

const P = 'edXML';
const NL = '\n';

function ind(depth: number): string {
  return '  '.repeat(depth);
}

function leaf(name: string, value: string, depth: number): string {
  return value === ''
    ? `${ind(depth)}<${P}:${name}/>${NL}`
    : `${ind(depth)}<${P}:${name}>${escapeText(value)}</${P}:${name}>${NL}`;
}

function extensions(list: readonly XmlElement[] | undefined, depth: number): string {
  let s = '';
  for (const e of list ?? []) s += `${ind(depth)}${writeElement(e)}${NL}`;
  return s;
}

function block(obj: Record<string, unknown>, spec: Spec, depth: number): string {
  let s = '';
  for (const f of spec) {
    const v = obj[f.key];
    if (v === undefined) continue;
    switch (f.type) {
      case 'string':
        s += leaf(f.el, v as string, depth);
        break;
      case 'int':
        s += leaf(f.el, (v as number).toString(), depth);
        break;
      case 'bool':
        s += leaf(f.el, (v as boolean) ? 'true' : 'false', depth);
        break;
      case 'block':
        for (const item of f.many ? (v as Array<Record<string, unknown>>) : [v as Record<string, unknown>]) {
          s += wrap(f.el, block(item, f.spec, depth + 1), depth);
        }
        break;
      case 'list': {
        let inner = '';
        for (const item of v as unknown[]) {
          inner += f.itemSpec
            ? wrap(f.item, block(item as Record<string, unknown>, f.itemSpec, depth + 2), depth + 1)
            : leaf(f.item, item as string, depth + 1);
        }
        s += wrap(f.el, inner, depth);
        break;
      }
    }
  }
  return s + extensions(obj['extensions'] as XmlElement[] | undefined, depth);
}

function wrap(name: string, inner: string, depth: number, attrs = ''): string {
  return inner === ''
    ? `${ind(depth)}<${P}:${name}${attrs}/>${NL}`
    : `${ind(depth)}<${P}:${name}${attrs}>${NL}${inner}${ind(depth)}</${P}:${name}>${NL}`;
}

function attachmentMeta(a: EdxmlAttachment): string {
  // AttachmentEncoded children are unprefixed in the samples (default namespace of the root).
  let s = '';
  for (const f of attachmentSpec) {
    const v = (a as unknown as Record<string, unknown>)[f.key];
    if (typeof v !== 'string') continue;
    const el = f.el;
    s += v === '' ? `${ind(3)}<${el}/>${NL}` : `${ind(3)}<${el}>${escapeText(v)}</${el}>${NL}`;
  }
  return s;
}

/** Parts of the document: strings, and attachments whose base64 content goes in between. */
type Part = string | EdxmlAttachment;

function parts(pkg: EdxmlPackage): Part[] {
  const out: Part[] = [];
  let s = `<?xml version="1.0" encoding="UTF-8"?>${NL}<edXML xmlns="${EDXML_NS}">${NL}`;
  s += `${ind(1)}<${P}:edXMLEnvelope xmlns:${P}="${EDXML_NS}">${NL}`;
  s += `${ind(2)}<${P}:edXMLHeader>${NL}`;
  if (pkg.kind === 'document') {
    s += wrap('MessageHeader', block(pkg.header as unknown as Record<string, unknown>, messageHeaderSpec, 4), 3);
    if (pkg.traceHeaderList) {
      s += wrap('TraceHeaderList', block(pkg.traceHeaderList as unknown as Record<string, unknown>, traceHeaderListSpec, 4), 3);
    }
  } else {
    s += wrap(pkg.headerElement ?? 'MessageHeader', block(pkg.header as unknown as Record<string, unknown>, statusHeaderSpec, 4), 3);
  }
  if (pkg.signature) s += `${ind(3)}${writeElement(pkg.signature)}${NL}`;
  s += extensions(pkg.extensions?.header, 3);
  s += `${ind(2)}</${P}:edXMLHeader>${NL}`;
  if (pkg.kind === 'document') {
    const m = pkg.manifest;
    if (m || pkg.extensions?.body) {
      let body = '';
      if (m) {
        let refs = '';
        for (const ref of m.references) {
          const list = ref.attributes ?? [];
          let attrs = list.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
          // `xlink:href` is written without its declaration in the official samples: declare it, so the output is
          // namespace-well-formed whatever the input was.
          if (list.some(([k]) => k.startsWith('xlink:')) && !list.some(([k]) => k === 'xmlns:xlink')) {
            attrs = ` xmlns:xlink="${XLINK_NS}"${attrs}`;
          }
          refs += wrap('Reference', block(ref as unknown as Record<string, unknown>, manifestReferenceSpec, 5), 4, attrs);
        }
        refs += extensions(m.extensions, 4);
        body += wrap('edXMLManifest', refs, 3, m.version !== undefined ? ` version="${escapeAttr(m.version)}"` : '');
      }
      body += extensions(pkg.extensions?.body, 3);
      s += wrap('edXMLBody', body, 2);
    }
  }
  s += extensions(pkg.extensions?.envelope, 2);
  s += `${ind(1)}</${P}:edXMLEnvelope>${NL}`;
  if (pkg.kind === 'document' && (pkg.attachments.length > 0 || pkg.extensions?.attachmentEncoded)) {
    s += `${ind(1)}<AttachmentEncoded>${NL}`;
    for (const a of pkg.attachments) {
      s += `${ind(2)}<Attachment>${NL}${attachmentMeta(a)}`;
      s += `${ind(3)}<${P}:ContentTransferEncoded xmlns:${P}="${EDXML_NS}">`;
      out.push(s, a);
      s = `</${P}:ContentTransferEncoded>${NL}`;
      s += extensions(a.extensions, 3);
      s += `${ind(2)}</Attachment>${NL}`;
    }
    s += extensions(pkg.extensions?.attachmentEncoded, 2);
    s += `${ind(1)}</AttachmentEncoded>${NL}`;
  }
  s += extensions(pkg.extensions?.root, 1);
  s += `</edXML>${NL}`;
  out.push(s);
  return out;
}

/**
 * Writes a package as edXML text: namespace `http://www.mic.gov.vn/TBT/QCVN_102_2016`, prefix `edXML`, children in
 * the order of the official samples. Attachments must hold their bytes in memory (use `buildEdxmlStream` otherwise).
 */
export function buildEdxml(pkg: EdxmlDocumentPackage | EdxmlStatusPackage): string {
  let s = '';
  for (const p of parts(pkg)) s += typeof p === 'string' ? p : p.placeholder !== undefined ? escapeText(p.placeholder) : encodeBase64(p.bytes());
  return s;
}

/** Writes a package as a stream of UTF-8 bytes; attachment content is read from `attachment.stream()` and encoded on the fly. */
export function buildEdxmlStream(pkg: EdxmlDocumentPackage | EdxmlStatusPackage): ReadableStream<Uint8Array> {
  const list = parts(pkg);
  const enc = new TextEncoder();
  let i = 0;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let encoder: Base64Encoder | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (reader && encoder) {
          const r = await reader.read();
          if (r.done) {
            const tail = encoder.finish();
            reader = undefined;
            encoder = undefined;
            if (tail.length > 0) {
              controller.enqueue(tail);
              return;
            }
            continue;
          }
          const out = encoder.push(r.value);
          if (out.length > 0) {
            controller.enqueue(out);
            return;
          }
          continue;
        }
        const p = list[i++];
        if (p === undefined) {
          controller.close();
          return;
        }
        if (typeof p === 'string') {
          controller.enqueue(enc.encode(p));
          return;
        }
        if (p.placeholder !== undefined) {
          controller.enqueue(enc.encode(escapeText(p.placeholder)));
          return;
        }
        reader = p.stream().getReader();
        encoder = new Base64Encoder();
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}
