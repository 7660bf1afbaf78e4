import type { AdministrativeDocument } from './document.js';

/** Chỉ thị 05/CT-UBND of Phú Yên (03/03/2009), a published directive, as a document. */
export const chiThi: AdministrativeDocument = {
  type: 'chiThi',
  issuer: { name: 'Ủy ban nhân dân tỉnh Phú Yên', abbreviation: 'UBND' },
  number: 5,
  symbol: 'CT-UBND',
  place: 'Tuy Hòa',
  date: '2009-03-03',
  subject: 'Về việc tăng cường sử dụng hệ thống thư điện tử trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh',
  content: 'Trong thời gian qua, các cơ quan nhà nước đã bước đầu ứng dụng công nghệ thông tin trong quản lý, điều hành.',
  signer: { authority: 'KT', onBehalfOf: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Lê Kim Anh' },
  recipients: [{ name: 'Các Sở, ban, ngành' }, { name: 'UBND các huyện, thị xã, thành phố' }],
  archive: { draftingUnit: 'VP' },
};

/** A công văn of the Văn phòng Chính phủ, as the VPCP exchange samples number it (7816/VPCP-TTĐT). */
export const congVan: AdministrativeDocument = {
  type: 'congVan',
  issuer: { name: 'Văn phòng Chính phủ', abbreviation: 'VPCP', code: '000.00.00.G22' },
  number: 7816,
  symbol: 'VPCP-TTĐT',
  place: 'Hà Nội',
  date: '2015-09-30',
  subject: 'Kết nối liên thông văn bản điện tử',
  content: { body: [{ kind: 'paragraph', text: 'Văn phòng Chính phủ đề nghị các cơ quan kết nối liên thông.' }] },
  signer: { authority: 'KT', onBehalfOf: 'Bộ trưởng, Chủ nhiệm', position: 'Phó Chủ nhiệm', fullName: 'Nguyễn Văn A' },
  kinhGui: [{ name: 'Các Bộ, cơ quan ngang Bộ' }],
  recipients: [{ name: 'Như trên' }],
  archive: { draftingUnit: 'TTĐT', copies: 2 },
  urgency: 'khan',
};
