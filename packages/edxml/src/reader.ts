import { type Failure, failure } from '@egov-vn/schemas/core';
import { attachmentFromBase64, attachmentFromBytes, type EdxmlAttachment } from './attachment.js';
import { Base64Decoder, Base64Error } from './base64.js';
import { EdxmlFatal, makeIssue, type EdxmlIssue, type EdxmlIssueCode, type EdxmlLang, type EdxmlLocation } from './issues.js';
import {
  EDXML_NS,
  XLINK_NS,
  XMLDSIG_NS,
  type EdxmlDocumentPackage,
  type EdxmlPackage,
  type EdxmlPackageExtensions,
  type EdxmlStatusPackage,
} from './model.js';
import {
  attachmentSpec,
  defaultsFor,
  manifestReferenceSpec,
  messageHeaderSpec,
  statusHeaderSpec,
  traceHeaderListSpec,
  type Spec,
} from './spec.js';
import { checkChars, defaultLimits, resolveEntities, Tokenizer, type Position, type TokenSink, type XmlLimits } from './tokenizer.js';
import type { XmlElement } from './xml.js';

/** A node of the parsed tree, with its location (attachment content is held apart, still encoded or decoded). */
export interface TreeNode {
  qname: string;
  ns: string | null;
  local: string;
  attrs: Array<[string, string]>;
  items: Array<TreeNode | string>;
  loc: EdxmlLocation;
  /** Byte offsets: where the closing tag (or `/>`) starts, and just after the element. */
  closeAt?: number;
  endAt?: number;
  content?: AttachmentContent;
}

interface AttachmentContent {
  segments: Uint8Array[];
  size: number;
  encoded: boolean;
  /** Raw text of the content while it is small enough to be a placeholder (copies when streaming). */
  raw: Uint8Array[];
  rawSize: number;
  /** The base64 error, once the content turned out not to be base64. */
  failed?: Base64Error;
  /** The content as text, when it was a placeholder rather than base64. */
  placeholder?: string;
  /**
   * Where the content lies in the input (absolute byte offsets), while it is one run of character data: `plain` turns
   * false at a CDATA section, or when a comment or processing instruction splits it.
   */
  plain: boolean;
  from?: number;
  to?: number;
}

/** Prefixes that systems on the axis use without declaring them, and the namespace they mean. */
const RECOVERABLE_PREFIXES: Readonly<Record<string, string>> = { edXML: EDXML_NS, xlink: XLINK_NS };

/** Attachment content that is not base64 is read as text only when it is this small and a `${…}` placeholder. */
const MAX_PLACEHOLDER = 4096;
const PLACEHOLDER = /^\s*\$\{[\s\S]*\}\s*$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

class TreeBuilder implements TokenSink {
  root: TreeNode | undefined;
  private stack: TreeNode[] = [];
  private scopes: Array<Map<string, string>> = [];
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private textLength = 0;
  private decoder: Base64Decoder | undefined;
  tokenizer!: Tokenizer;
  /** Deviations recovered from while reading: code, params, first location, count. */
  recovered = new Map<string, { code: EdxmlIssueCode; params: Record<string, string | number>; loc: EdxmlLocation; count: number }>();

  constructor(
    private readonly limits: XmlLimits,
    /** true when the whole input stays in memory: attachment content is kept encoded and decoded on demand. */
    private readonly keepEncoded: boolean,
  ) {}

  path(): string {
    const top = this.stack[this.stack.length - 1];
    return top ? top.loc.path : '/';
  }

  warn(code: EdxmlIssueCode, params: Record<string, string | number>, at: Position): void {
    this.recovered.set(`${code}:${this.recovered.size}`, { code, params, loc: { ...at, path: this.path() }, count: 1 });
  }

  /** Resolves a prefix, recovering the undeclared `edXML:` and `xlink:` of real axis packages (counted, reported once). */
  private resolve(prefix: string, loc: EdxmlLocation): string | null | undefined {
    const ns = this.lookup(prefix);
    if (ns !== undefined) return ns;
    const recovered = RECOVERABLE_PREFIXES[prefix];
    if (recovered === undefined) return undefined;
    const key = `prefix:${prefix}`;
    const seen = this.recovered.get(key);
    if (seen) seen.count++;
    else this.recovered.set(key, { code: 'EDXML_UNDECLARED_PREFIX', params: { prefix, ns: recovered }, loc, count: 1 });
    return recovered;
  }

  /** The warnings collected while reading. */
  warnings(lang: EdxmlLang): EdxmlIssue[] {
    return [...this.recovered.values()].map((w) =>
      makeIssue(w.code, w.code === 'EDXML_UNDECLARED_PREFIX' ? { ...w.params, count: w.count } : w.params, w.loc, lang, 'warning'),
    );
  }

  private lookup(prefix: string): string | null | undefined {
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = (this.scopes[i] as Map<string, string>).get(prefix);
      if (v !== undefined) return v === '' ? null : v;
    }
    return prefix === '' ? null : undefined;
  }

  open(qname: string, attrs: Array<[string, string]>, _selfClosing: boolean, at: Position): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent?.content) {
      this.tokenizer.fatal('EDXML_UNEXPECTED_CHILDREN', { name: parent.local }, at.offset);
    }
    this.flush();
    const scope = new Map<string, string>();
    for (const [k, val] of attrs) {
      if (k === 'xmlns') scope.set('', val);
      else if (k.startsWith('xmlns:')) scope.set(k.slice(6), val);
    }
    this.scopes.push(scope);
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    let index = 1;
    if (parent) for (const c of parent.items) if (typeof c !== 'string' && c.local === local) index++;
    const path = `${parent ? parent.loc.path : ''}/${local}${index > 1 ? `[${index}]` : ''}`;
    const ns = this.resolve(prefix, { ...at, path });
    const node: TreeNode = { qname, ns: ns ?? null, local, attrs, items: [], loc: { ...at, path } };
    if (ns === undefined) {
      this.stack.push(node);
      this.tokenizer.fatal('XML_UNBOUND_PREFIX', { prefix }, at.offset);
    }
    for (const [k] of attrs) {
      const c = k.indexOf(':');
      if (c !== -1 && !k.startsWith('xmlns:') && this.resolve(k.slice(0, c), node.loc) === undefined) {
        this.stack.push(node);
        this.tokenizer.fatal('XML_UNBOUND_PREFIX', { prefix: k.slice(0, c) }, at.offset);
      }
    }
    if (parent) parent.items.push(node);
    else this.root = node;
    this.stack.push(node);
    this.textLength = 0;
    if (ns === EDXML_NS && local === 'ContentTransferEncoded' && parent?.local === 'Attachment') {
      node.content = { segments: [], size: 0, encoded: this.keepEncoded, raw: [], rawSize: 0, plain: true };
      this.decoder = new Base64Decoder();
    }
  }

  close(_qname: string, closeAt: number, endAt: number): void {
    const node = this.stack[this.stack.length - 1] as TreeNode;
    node.closeAt = closeAt;
    node.endAt = endAt;
    if (node.content && this.decoder) {
      const content = node.content;
      if (!content.failed) {
        try {
          this.decoder.finish();
        } catch (e) {
          this.notBase64(e, node, content);
        }
      }
      if (content.failed) this.placeholder(node, content);
      else content.size = this.decoder.size;
      this.decoder = undefined;
    } else {
      this.flush();
    }
    this.stack.pop();
    this.scopes.pop();
    this.textLength = 0;
  }

  private base64Fatal(e: unknown, node: TreeNode): never {
    const err = e instanceof Base64Error ? e : new Base64Error(String(e), String(e));
    throw new EdxmlFatal('EDXML_BASE64_INVALID', { detail: err.detail, detailVi: err.detailVi }, node.loc);
  }

  /** The content is not base64: keep reading it as text if it is small enough to be a placeholder. */
  private notBase64(e: unknown, node: TreeNode, content: AttachmentContent): void {
    if (content.rawSize > MAX_PLACEHOLDER) this.base64Fatal(e, node);
    content.failed = e instanceof Base64Error ? e : new Base64Error(String(e), String(e));
    content.segments = [];
  }

  /** Accepts the content as a `${…}` placeholder (load tests on the axis), or fails as before. */
  private placeholder(node: TreeNode, content: AttachmentContent): void {
    const bytes = new Uint8Array(content.rawSize);
    let o = 0;
    for (const r of content.raw) {
      bytes.set(r, o);
      o += r.length;
    }
    let text: string | undefined;
    try {
      text = resolveEntities(utf8.decode(bytes).replace(/\r\n?/g, '\n'), () => {
        throw new Base64Error('unknown entity', 'thực thể không xác định');
      });
    } catch {
      text = undefined;
    }
    if (text === undefined || !PLACEHOLDER.test(text)) this.base64Fatal(content.failed, node);
    checkChars(text, (char) => this.tokenizer.fatal('XML_INVALID_CHAR', { char }, node.loc.offset));
    content.placeholder = text;
    content.segments = [bytes];
    content.size = bytes.length;
  }

  text(buf: Uint8Array, start: number, end: number, offset = -1): void {
    const node = this.stack[this.stack.length - 1] as TreeNode;
    if (node.content && this.decoder) {
      const content = node.content;
      if (offset < 0 || (content.to !== undefined && content.to !== offset)) content.plain = false;
      content.from ??= offset;
      content.to = offset + (end - start);
      if (content.rawSize + (end - start) <= MAX_PLACEHOLDER) {
        content.raw.push(content.encoded ? buf.subarray(start, end) : buf.slice(start, end));
      } else if (content.failed) {
        this.base64Fatal(content.failed, node);
      } else content.raw = [];
      content.rawSize += end - start;
      if (content.failed) return;
      try {
        if (content.encoded) {
          this.decoder.validate(buf, start, end);
          content.segments.push(buf.subarray(start, end));
        } else {
          const out = this.decoder.decode(buf, start, end);
          if (out.length > 0) content.segments.push(out);
        }
      } catch (e) {
        this.notBase64(e, node, content);
      }
      return;
    }
    this.pendingLength += end - start;
    if (this.textLength + this.pendingLength > this.limits.maxTextLength) {
      this.tokenizer.fatal(
        'XML_LIMIT',
        { limit: 'text length in one element (bytes)', limitVi: 'độ dài văn bản trong một phần tử (byte)', max: this.limits.maxTextLength, name: 'maxTextLength' },
        undefined,
      );
    }
    this.pending.push(this.keepEncoded ? buf.subarray(start, end) : buf.slice(start, end));
  }

  cdata(buf: Uint8Array, start: number, end: number): void {
    const node = this.stack[this.stack.length - 1] as TreeNode;
    if (node.content) {
      this.text(buf, start, end, -1); // CDATA: the content is no longer one run of plain text
      return;
    }
    this.flush();
    let s: string;
    try {
      s = utf8.decode(buf.subarray(start, end));
    } catch {
      this.tokenizer.fatal('XML_INVALID_UTF8', {}, undefined);
    }
    s = s.replace(/\r\n?/g, '\n');
    checkChars(s, (char) => this.tokenizer.fatal('XML_INVALID_CHAR', { char }, undefined));
    this.pushText(node, s);
  }

  private pushText(node: TreeNode, s: string): void {
    if (s === '') return;
    this.textLength += s.length;
    if (this.textLength > this.limits.maxTextLength) {
      this.tokenizer.fatal(
        'XML_LIMIT',
        { limit: 'text length in one element (bytes)', limitVi: 'độ dài văn bản trong một phần tử (byte)', max: this.limits.maxTextLength, name: 'maxTextLength' },
        undefined,
      );
    }
    const last = node.items[node.items.length - 1];
    if (typeof last === 'string') node.items[node.items.length - 1] = last + s;
    else node.items.push(s);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const node = this.stack[this.stack.length - 1] as TreeNode;
    let bytes: Uint8Array;
    if (this.pending.length === 1) bytes = this.pending[0] as Uint8Array;
    else {
      bytes = new Uint8Array(this.pendingLength);
      let o = 0;
      for (const p of this.pending) {
        bytes.set(p, o);
        o += p.length;
      }
    }
    this.pending = [];
    this.pendingLength = 0;
    let s: string;
    try {
      s = utf8.decode(bytes);
    } catch {
      this.tokenizer.fatal('XML_INVALID_UTF8', {}, undefined);
    }
    if (s.includes(']]>')) {
      this.tokenizer.fatal('XML_MALFORMED', { detail: '"]]>" in text', detailVi: 'có "]]>" trong văn bản' }, undefined);
    }
    s = s.replace(/\r\n?/g, '\n');
    s = resolveEntities(s, (entity) => this.tokenizer.fatal('XML_ENTITY_UNKNOWN', { entity }, undefined));
    checkChars(s, (char) => this.tokenizer.fatal('XML_INVALID_CHAR', { char }, undefined));
    this.pushText(node, s);
  }
}

/** Options for `parseEdxml`. */
export interface ParseOptions {
  /** Language of the messages: Vietnamese (default) or English. */
  lang?: EdxmlLang;
  /** Safety limits (partial: the rest keep their defaults). */
  limits?: Partial<XmlLimits>;
}

/**
 * The kit's one result shape (`Result` of `@egov-vn/schemas`) with edxml's issues, plus the warnings of a package that
 * was read. A failure carries `issues`; `errors` is the same array, kept for code written against 0.x (deprecated).
 */
export type ParseResult<T> = { ok: true; value: T; warnings: EdxmlIssue[] } | Failure<EdxmlIssueCode, EdxmlIssue>;

export type EdxmlInput = string | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

/** Reads XML into a located tree, safely. Never throws. */
export async function readTree(
  input: EdxmlInput,
  options: ParseOptions = {},
): Promise<{ ok: true; root: TreeNode; warnings: EdxmlIssue[] } | Failure<EdxmlIssueCode, EdxmlIssue>> {
  const lang = options.lang ?? 'vi';
  const limits = { ...defaultLimits, ...options.limits };
  const streaming = typeof input === 'object' && 'getReader' in input;
  const builder = new TreeBuilder(limits, !streaming);
  const tokenizer = new Tokenizer(builder, limits, builder);
  builder.tokenizer = tokenizer;
  try {
    if (typeof input === 'string') {
      if (input.length * 3 > limits.maxTotalBytes && new TextEncoder().encode(input).length > limits.maxTotalBytes) {
        tokenizer.fatal('XML_LIMIT', { limit: 'total input size (bytes)', limitVi: 'tổng kích thước dữ liệu (byte)', max: limits.maxTotalBytes, name: 'maxTotalBytes' }, 0);
      }
      tokenizer.write(new TextEncoder().encode(input));
    } else if (input instanceof Uint8Array) {
      tokenizer.write(input);
    } else if (input instanceof ArrayBuffer) {
      tokenizer.write(new Uint8Array(input));
    } else if (streaming) {
      const reader = input.getReader();
      try {
        for (;;) {
          let r: ReadableStreamReadResult<Uint8Array>;
          try {
            r = await reader.read();
          } catch (e) {
            throw new EdxmlFatal('XML_READ_ERROR', { detail: e instanceof Error ? e.message : String(e) }, undefined);
          }
          if (r.done) break;
          if (!(r.value instanceof Uint8Array)) {
            throw new EdxmlFatal('XML_READ_ERROR', { detail: 'the stream must yield Uint8Array chunks' }, undefined);
          }
          tokenizer.write(r.value);
        }
      } finally {
        reader.releaseLock();
      }
    } else {
      throw new EdxmlFatal('XML_READ_ERROR', { detail: 'unsupported input type' }, undefined);
    }
    tokenizer.end();
  } catch (e) {
    if (e instanceof EdxmlFatal) return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue(e.code, e.params, e.location, lang)]);
    if (e instanceof RangeError) {
      // e.g. an allocation failure: report it rather than crash
      return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue('XML_READ_ERROR', { detail: e.message }, undefined, lang)]);
    }
    return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue('XML_READ_ERROR', { detail: String(e) }, undefined, lang)]);
  }
  return { ok: true, root: builder.root as TreeNode, warnings: builder.warnings(lang) };
}

// ---------------------------------------------------------------------------------------------------------------
// Tree → typed package

/** Where each model object and each of its fields came from. */
export type Locations = WeakMap<object, { node: TreeNode; fields: Map<string, TreeNode> }>;

class Reader {
  locations: Locations = new WeakMap();
  errors: EdxmlIssue[] = [];
  warnings: EdxmlIssue[] = [];
  constructor(private readonly lang: EdxmlLang) {}

  error(code: EdxmlIssueCode, params: Record<string, string | number>, node: TreeNode): void {
    this.errors.push(makeIssue(code, params, node.loc, this.lang));
  }

  warn(code: EdxmlIssueCode, params: Record<string, string | number>, node: TreeNode): void {
    this.warnings.push(makeIssue(code, params, node.loc, this.lang, 'warning'));
  }

  children(node: TreeNode): TreeNode[] {
    const out: TreeNode[] = [];
    for (const c of node.items) {
      if (typeof c === 'string') {
        if (c.trim() !== '') this.error('EDXML_UNEXPECTED_TEXT', { name: node.local }, node);
      } else out.push(c);
    }
    return out;
  }

  text(node: TreeNode): string {
    let s = '';
    let complained = false;
    for (const c of node.items) {
      if (typeof c === 'string') s += c;
      else if (!complained) {
        complained = true;
        this.error('EDXML_UNEXPECTED_CHILDREN', { name: node.local }, node);
      }
    }
    return s;
  }

  extension(node: TreeNode): XmlElement {
    this.warn('EDXML_UNKNOWN_ELEMENT', { name: node.qname }, node);
    return toXmlElement(node);
  }

  block(node: TreeNode, spec: Spec): Record<string, unknown> {
    const out: Record<string, unknown> = defaultsFor(spec);
    const fields = new Map<string, TreeNode>();
    this.locations.set(out, { node, fields });
    const extensions: XmlElement[] = [];
    for (const child of this.children(node)) {
      const field = child.ns === EDXML_NS ? spec.find((f) => f.el === child.local) : undefined;
      if (!field) {
        extensions.push(this.extension(child));
        continue;
      }
      const many = field.type === 'block' && field.many;
      if (!many && fields.has(field.key)) {
        this.error('EDXML_DUPLICATE_ELEMENT', { name: child.local }, child);
        continue;
      }
      fields.set(field.key, child);
      let value: unknown;
      switch (field.type) {
        case 'string':
          value = this.text(child);
          break;
        case 'int': {
          const t = this.text(child).trim();
          if (!/^[+-]?\d{1,15}$/.test(t)) {
            this.error('EDXML_NOT_INTEGER', { name: child.local, value: t.slice(0, 40) }, child);
            continue;
          }
          value = Number(t);
          if (Object.is(value, -0)) value = 0;
          break;
        }
        case 'bool': {
          const t = this.text(child).trim();
          if (t !== 'true' && t !== 'false' && t !== '1' && t !== '0') {
            this.error('EDXML_NOT_BOOLEAN', { name: child.local, value: t.slice(0, 40) }, child);
            continue;
          }
          value = t === 'true' || t === '1';
          break;
        }
        case 'block':
          value = this.block(child, field.spec);
          break;
        case 'list': {
          const items: unknown[] = [];
          for (const item of this.children(child)) {
            if (item.ns !== EDXML_NS || item.local !== field.item) {
              this.error('EDXML_UNKNOWN_ELEMENT', { name: item.qname }, item);
              continue;
            }
            items.push(field.itemSpec ? this.block(item, field.itemSpec) : this.text(item));
          }
          value = items;
          break;
        }
      }
      if (many) (out[field.key] as unknown[]).push(value);
      else out[field.key] = value;
      if (field.type === 'list') {
        const items = value as unknown[];
        const nodes = this.children(child).filter((n) => n.ns === EDXML_NS && n.local === field.item);
        items.forEach((_, i) => {
          const n = nodes[i];
          if (n) fields.set(`${field.key}.${i}`, n);
        });
      }
    }
    if (extensions.length > 0) out['extensions'] = extensions;
    return out;
  }
}

function toXmlElement(node: TreeNode): XmlElement {
  return {
    name: node.qname,
    attributes: node.attrs.map(([k, val]) => [k, val] as [string, string]),
    children: node.items.map((c) => (typeof c === 'string' ? c : toXmlElement(c))),
  };
}

function isEdxml(node: TreeNode, local: string): boolean {
  return node.ns === EDXML_NS && node.local === local;
}

/** Turns a parsed tree into a typed package, collecting every structural problem. */
export function treeToPackage(
  root: TreeNode,
  lang: EdxmlLang,
): { pkg?: EdxmlPackage; errors: EdxmlIssue[]; warnings: EdxmlIssue[]; locations: Locations } {
  const r = new Reader(lang);
  const fail = (): { errors: EdxmlIssue[]; warnings: EdxmlIssue[]; locations: Locations } => ({
    errors: r.errors,
    warnings: r.warnings,
    locations: r.locations,
  });
  if (!isEdxml(root, 'edXML')) {
    r.error('EDXML_ROOT', { ns: EDXML_NS, found: root.ns ? `{${root.ns}}${root.local}` : root.qname }, root);
    return fail();
  }
  const ext: EdxmlPackageExtensions = {};
  const push = (k: keyof EdxmlPackageExtensions, e: XmlElement): void => {
    (ext[k] ??= []).push(e);
  };
  let envelope: TreeNode | undefined;
  let attachmentEncoded: TreeNode | undefined;
  for (const c of r.children(root)) {
    if (isEdxml(c, 'edXMLEnvelope') && !envelope) envelope = c;
    else if (isEdxml(c, 'AttachmentEncoded') && !attachmentEncoded) attachmentEncoded = c;
    else if (isEdxml(c, 'edXMLEnvelope') || isEdxml(c, 'AttachmentEncoded')) r.error('EDXML_DUPLICATE_ELEMENT', { name: c.local }, c);
    else push('root', r.extension(c));
  }
  if (!envelope) {
    r.error('EDXML_REQUIRED', { name: 'edXMLEnvelope' }, root);
    return fail();
  }
  let header: TreeNode | undefined;
  let body: TreeNode | undefined;
  for (const c of r.children(envelope)) {
    if (isEdxml(c, 'edXMLHeader') && !header) header = c;
    else if (isEdxml(c, 'edXMLBody') && !body) body = c;
    else push('envelope', r.extension(c));
  }
  if (!header) {
    r.error('EDXML_REQUIRED', { name: 'edXMLHeader' }, envelope);
    return fail();
  }
  let messageHeader: TreeNode | undefined;
  let headerElement: 'MessageHeader' | 'Status' = 'MessageHeader';
  let traceList: TreeNode | undefined;
  let signature: XmlElement | undefined;
  for (const c of r.children(header)) {
    if ((isEdxml(c, 'MessageHeader') || isEdxml(c, 'Status')) && !messageHeader) {
      messageHeader = c;
      headerElement = c.local as 'MessageHeader' | 'Status';
    } else if (isEdxml(c, 'TraceHeaderList') && !traceList) traceList = c;
    else if (c.local === 'Signature' && !signature) {
      // The official samples write <Signature> in the edXML namespace; it is kept as written (and reported).
      if (c.ns !== XMLDSIG_NS) r.warn('EDXML_SIGNATURE_NOT_XMLDSIG', { ns: c.ns ?? '—' }, c);
      signature = toXmlElement(c);
    }
    else push('header', r.extension(c));
  }
  if (!messageHeader) {
    r.error('EDXML_KIND_UNKNOWN', {}, header);
    return fail();
  }
  const isStatus =
    headerElement === 'Status' || messageHeader.items.some((c) => typeof c !== 'string' && isEdxml(c, 'StatusCode'));
  let pkg: EdxmlPackage;
  if (isStatus) {
    const st: EdxmlStatusPackage = {
      kind: 'status',
      header: r.block(messageHeader, statusHeaderSpec),
    };
    if (headerElement === 'Status') st.headerElement = 'Status';
    if (signature) st.signature = signature;
    if (traceList) push('header', r.extension(traceList));
    if (body) push('envelope', toXmlElement(body));
    if (attachmentEncoded) push('root', toXmlElement(attachmentEncoded));
    if (Object.keys(ext).length > 0) st.extensions = ext;
    pkg = st;
  } else {
    const doc: EdxmlDocumentPackage = {
      kind: 'document',
      header: r.block(messageHeader, messageHeaderSpec) as unknown as EdxmlDocumentPackage['header'],
      attachments: [],
    };
    if (traceList) doc.traceHeaderList = r.block(traceList, traceHeaderListSpec) as unknown as EdxmlDocumentPackage['traceHeaderList'];
    if (signature) doc.signature = signature;
    if (body) {
      for (const c of r.children(body)) {
        if (isEdxml(c, 'edXMLManifest') && !doc.manifest) {
          const manifest: NonNullable<EdxmlDocumentPackage['manifest']> = { references: [] };
          for (const [k, val] of c.attrs) if (k === 'version') manifest.version = val;
          const mext: XmlElement[] = [];
          for (const ref of r.children(c)) {
            if (!isEdxml(ref, 'Reference')) {
              mext.push(r.extension(ref));
              continue;
            }
            const value = r.block(ref, manifestReferenceSpec) as NonNullable<EdxmlDocumentPackage['manifest']>['references'][number];
            r.locations.set(value, { node: ref, fields: r.locations.get(value)?.fields ?? new Map<string, TreeNode>() });
            if (ref.attrs.length > 0) value.attributes = ref.attrs.map(([k, val]) => [k, val] as [string, string]);
            manifest.references.push(value);
          }
          const otherAttrs = c.attrs.filter(([k]) => k !== 'version' && !k.startsWith('xmlns'));
          for (const [k] of otherAttrs) r.warn('EDXML_UNKNOWN_ELEMENT', { name: `@${k}` }, c);
          if (mext.length > 0) manifest.extensions = mext;
          doc.manifest = manifest;
        } else push('body', r.extension(c));
      }
    }
    if (attachmentEncoded) {
      for (const c of r.children(attachmentEncoded)) {
        if (!isEdxml(c, 'Attachment')) {
          push('attachmentEncoded', r.extension(c));
          continue;
        }
        doc.attachments.push(readAttachment(r, c));
      }
    }
    if (Object.keys(ext).length > 0) doc.extensions = ext;
    pkg = doc;
  }
  r.locations.set(pkg, { node: root, fields: new Map() });
  r.locations.set(pkg.header, { node: messageHeader, fields: r.locations.get(pkg.header)?.fields ?? new Map<string, TreeNode>() });
  return { pkg, errors: r.errors, warnings: r.warnings, locations: r.locations };
}

function readAttachment(r: Reader, node: TreeNode): EdxmlAttachment {
  const meta: Record<string, unknown> = {};
  let contentNode: TreeNode | undefined;
  const rest: TreeNode = { ...node, items: [] };
  for (const c of node.items) {
    if (typeof c !== 'string' && isEdxml(c, 'ContentTransferEncoded')) {
      if (contentNode) r.error('EDXML_DUPLICATE_ELEMENT', { name: c.local }, c);
      else contentNode = c;
    } else rest.items.push(c);
  }
  const metaBlock = r.block(rest, attachmentSpec);
  Object.assign(meta, metaBlock);
  const content = contentNode?.content;
  if (!content) {
    r.error('EDXML_REQUIRED', { name: 'ContentTransferEncoded' }, node);
    return attachmentFromBytes(meta, new Uint8Array(0));
  }
  if (content.placeholder !== undefined) {
    meta['placeholder'] = content.placeholder;
    r.warn(
      'EDXML_ATTACHMENT_PLACEHOLDER',
      { name: (meta['attachmentName'] ?? meta['contentId'] ?? '') as string, value: content.placeholder.trim().slice(0, 120) },
      contentNode as TreeNode,
    );
  }
  const a =
    content.encoded && content.placeholder === undefined
      ? attachmentFromBase64(meta, content.segments, content.size)
      : attachmentFromBytes(meta, content.segments);
  // Where the base64 lies in the input, when it is one run of plain text (no CDATA, comment or placeholder in it).
  if (content.plain && !content.failed && content.placeholder === undefined) {
    const offset = content.from ?? contentNode?.closeAt;
    if (offset !== undefined) {
      Object.defineProperty(a, 'encodedRange', { value: { offset, length: (content.to ?? offset) - offset }, enumerable: false });
    }
  }
  r.locations.set(a, { node, fields: r.locations.get(metaBlock)?.fields ?? new Map<string, TreeNode>() });
  return a;
}

/**
 * Parses an edXML package (document or status). Never throws: bad input gives `{ ok: false, issues }` with located
 * messages, Vietnamese by default.
 */
export async function parseEdxml(input: EdxmlInput, options: ParseOptions = {}): Promise<ParseResult<EdxmlPackage>> {
  const lang = options.lang ?? 'vi';
  const tree = await readTree(input, options);
  if (!tree.ok) return tree;
  try {
    const { pkg, errors, warnings } = treeToPackage(tree.root, lang);
    if (!pkg || errors.length > 0) return failure<EdxmlIssueCode, EdxmlIssue>(errors);
    return { ok: true, value: pkg, warnings: [...tree.warnings, ...warnings] };
  } catch (e) {
    return failure<EdxmlIssueCode, EdxmlIssue>([makeIssue('XML_READ_ERROR', { detail: String(e) }, tree.root.loc, lang)]);
  }
}
