// A small sRGB ICC profile (version 2.1, display class, matrix/TRC), built from the published parameters of
// IEC 61966-2-1 (primaries adapted to D50 with the Bradford transform, the sRGB tone curve sampled at 1024 points).
// Written here rather than copied from a vendor so that it carries this package's licence (see README).

const CURVE_POINTS = 1024;

function s15(v: number): number {
  return Math.round(v * 65536) | 0;
}

/** The sRGB electro-optical transfer function (IEC 61966-2-1). */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

interface Tag {
  sig: string;
  data: Uint8Array;
}

function ascii(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
}

function xyzTag(x: number, y: number, z: number): Uint8Array {
  const b = new Uint8Array(20);
  const v = new DataView(b.buffer);
  ascii(v, 0, 'XYZ ');
  v.setInt32(8, s15(x));
  v.setInt32(12, s15(y));
  v.setInt32(16, s15(z));
  return b;
}

function textTag(text: string): Uint8Array {
  const b = new Uint8Array(8 + text.length + 1);
  ascii(new DataView(b.buffer), 0, 'text');
  ascii(new DataView(b.buffer), 8, text);
  return b;
}

function descTag(text: string): Uint8Array {
  // textDescriptionType: ASCII part, empty Unicode and ScriptCode parts.
  const b = new Uint8Array(12 + text.length + 1 + 8 + 3 + 67);
  const v = new DataView(b.buffer);
  ascii(v, 0, 'desc');
  v.setUint32(8, text.length + 1);
  ascii(v, 12, text);
  return b;
}

function curveTag(): Uint8Array {
  const b = new Uint8Array(12 + CURVE_POINTS * 2);
  const v = new DataView(b.buffer);
  ascii(v, 0, 'curv');
  v.setUint32(8, CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) v.setUint16(12 + i * 2, Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
  return b;
}

export const SRGB_PROFILE_DESCRIPTION = 'sRGB IEC61966-2.1';

/** The bytes of the sRGB ICC profile used as the PDF/A output intent. */
export function srgbIccProfile(): Uint8Array {
  const curve = curveTag();
  const tags: Tag[] = [
    { sig: 'desc', data: descTag(SRGB_PROFILE_DESCRIPTION) },
    { sig: 'cprt', data: textTag('No copyright, use freely (egov-vn document-pdf)') },
    { sig: 'wtpt', data: xyzTag(0.9642, 1, 0.8249) },
    { sig: 'rXYZ', data: xyzTag(0.4360747, 0.2225045, 0.0139322) },
    { sig: 'gXYZ', data: xyzTag(0.3850649, 0.7168786, 0.0971045) },
    { sig: 'bXYZ', data: xyzTag(0.1430804, 0.0606169, 0.7141733) },
    { sig: 'rTRC', data: curve },
    { sig: 'gTRC', data: curve },
    { sig: 'bTRC', data: curve },
  ];
  const tableSize = 4 + tags.length * 12;
  let offset = 128 + tableSize;
  const placed = new Map<Uint8Array, number>();
  const entries: { sig: string; offset: number; size: number }[] = [];
  for (const tag of tags) {
    let at = placed.get(tag.data);
    if (at === undefined) {
      offset = (offset + 3) & ~3;
      at = offset;
      placed.set(tag.data, at);
      offset += tag.data.length;
    }
    entries.push({ sig: tag.sig, offset: at, size: tag.data.length });
  }
  const total = (offset + 3) & ~3;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, total);
  v.setUint32(8, 0x02100000);
  ascii(v, 12, 'mntr');
  ascii(v, 16, 'RGB ');
  ascii(v, 20, 'XYZ ');
  [2020, 1, 1, 0, 0, 0].forEach((n, i) => v.setUint16(24 + i * 2, n));
  ascii(v, 36, 'acsp');
  v.setInt32(68, s15(0.9642));
  v.setInt32(72, s15(1));
  v.setInt32(76, s15(0.8249));
  v.setUint32(128, tags.length);
  entries.forEach((e, i) => {
    ascii(v, 132 + i * 12, e.sig);
    v.setUint32(136 + i * 12, e.offset);
    v.setUint32(140 + i * 12, e.size);
  });
  for (const [data, at] of placed) out.set(data, at);
  return out;
}
