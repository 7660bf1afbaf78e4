// Level-1 agency codes confirmed from a primary source. Only codes seen in an official sample or an official
// decision are listed, each with its source. The table is data: replace or extend it with `createAgencyCodeTable`
// (the 2025 reorganisation into 34 provinces changes it; new assignments were not yet published when this was made).

export interface Level1CodeEntry {
  code: string; // "H49"
  name: string;
  source: string;
}

export const LEVEL1_CODES: readonly Level1CodeEntry[] = [
  {
    code: 'G22',
    name: 'Văn phòng Chính phủ',
    source: 'VPCP exchange SDK sample packages (edoc_new.edxml: OrganId 000.00.00.G22, "Văn phòng Chính phủ")',
  },
  {
    code: 'H14',
    name: 'Ủy ban nhân dân tỉnh Cao Bằng',
    source: 'VPCP exchange SDK sample packages (recipient 000.00.00.H14)',
  },
  {
    code: 'H29',
    name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    source: 'dichvucong.hochiminhcity.gov.vn (agency codes …000.00.00.H29)',
  },
  {
    code: 'H41',
    name: 'Ủy ban nhân dân tỉnh Nghệ An',
    source: 'VPCP exchange SDK sample packages (recipient 000.00.00.H41)',
  },
  {
    code: 'H49',
    name: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    source: 'Quyết định 3739/QĐ-UBND (2016) of Quảng Ninh on the agency codes of the province (QCVN 102:2016)',
  },
];

export interface AgencyCodeTable {
  lookup(code: string): Level1CodeEntry | undefined;
  entries(): readonly Level1CodeEntry[];
}

/** A lookup table over level-1 codes: the shipped one by default, or your own (e.g. after a reorganisation). */
export function createAgencyCodeTable(entries: readonly Level1CodeEntry[] = LEVEL1_CODES): AgencyCodeTable {
  const map = new Map(entries.map((e) => [e.code.toUpperCase(), e]));
  return {
    lookup: (code) => map.get(code.trim().toUpperCase().slice(-3)),
    entries: () => [...map.values()],
  };
}
