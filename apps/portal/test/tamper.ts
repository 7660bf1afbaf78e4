// A change made after signing, the way an attacker or a careless tool would: an incremental update that redefines the
// last page object (rotated, or with a new media box). A validator must report the document as modified after signing.
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

export function modifyAfterSigning(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const page = [...text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)endobj/g)].reverse().find((m) => /\/Type\s*\/Page(?![s\w])/.test(m[2]!));
  if (!page) throw new Error('no page object written in clear text');
  const original = page[2]!.trim();
  const body = /\/MediaBox\s*\[[^\]]*\]/.test(original)
    ? original.replace(/\/MediaBox\s*\[[^\]]*\]/, '/MediaBox [0 0 300 300]')
    : original.replace(/^<</, '<< /Rotate 90');
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1];
  const size = [...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1];
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  if (!prev || !size || !root) throw new Error('no trailer found');
  const object = `\n${page[1]} 0 obj\n${body}\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + object.length;
  const tail =
    `xref\n0 1\n0000000000 65535 f \n${page[1]} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const add = Uint8Array.from(object + tail, (c) => c.charCodeAt(0));
  const out = new Uint8Array(pdf.length + add.length);
  out.set(pdf);
  out.set(add, pdf.length);
  return out;
}
