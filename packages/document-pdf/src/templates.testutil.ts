// One realistic document of each kind the tests and benchmarks render (content written for these tests).
import type { AdministrativeDocument, ContentBlock } from '@egov-vn/schemas';

const issuer = { name: 'Ủy ban nhân dân tỉnh Phú Yên', abbreviation: 'UBND' };

export const quyetDinh: AdministrativeDocument = {
  type: 'quyetDinh',
  issuer,
  number: 5,
  symbol: 'QĐ-UBND',
  place: 'Tuy Hòa',
  date: '2020-02-05',
  subject: 'Về việc ban hành Quy chế quản lý, sử dụng hệ thống quản lý văn bản và điều hành',
  content: {
    basis: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư',
      'Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh',
    ],
    body: [
      {
        kind: 'article',
        number: 1,
        body: [{ kind: 'paragraph', text: 'Ban hành kèm theo Quyết định này Quy chế quản lý, sử dụng hệ thống quản lý văn bản và điều hành trên địa bàn tỉnh Phú Yên.' }],
      },
      {
        kind: 'article',
        number: 2,
        body: [{ kind: 'paragraph', text: 'Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ các quy định trước đây trái với Quyết định này.' }],
      },
      {
        kind: 'article',
        number: 3,
        title: 'Trách nhiệm thi hành',
        body: [
          {
            kind: 'paragraph',
            text: 'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Thủ trưởng các ban, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này.',
          },
        ],
      },
    ],
  },
  signer: { authority: 'TM', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Trần Hữu Thế' },
  recipients: [{ name: 'Như Điều 3' }, { name: 'Văn phòng Chính phủ', note: 'để b/c' }, { name: 'Thường trực Tỉnh ủy' }],
  archive: { draftingUnit: 'VP', copies: 2 },
  drafter: { initials: 'NVA', copies: 30 },
  appendices: [
    {
      title: 'Danh mục văn bản áp dụng',
      content: { body: [{ kind: 'list', items: ['Quy chế văn thư của Ủy ban nhân dân tỉnh.', 'Danh mục hồ sơ năm 2020.'] }] },
    },
  ],
};

export const congVan: AdministrativeDocument = {
  type: 'congVan',
  issuer: { name: 'Văn phòng Chính phủ', abbreviation: 'VPCP' },
  number: 7816,
  symbol: 'VPCP-TTĐT',
  place: 'Hà Nội',
  date: '2015-09-30',
  subject: 'Kết nối liên thông văn bản điện tử giữa các cơ quan hành chính nhà nước',
  content: {
    body: [
      {
        kind: 'paragraph',
        text: 'Thực hiện chỉ đạo của Thủ tướng Chính phủ về việc gửi, nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính nhà nước, Văn phòng Chính phủ đề nghị các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương khẩn trương hoàn thành việc kết nối liên thông.',
      },
      { kind: 'list', items: ['Rà soát, cập nhật mã định danh của cơ quan, đơn vị;', 'Hoàn thành kết nối trước ngày 31 tháng 12 năm 2015.'] },
      { kind: 'paragraph', text: 'Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.' },
    ],
  },
  signer: { authority: 'KT', onBehalfOf: 'Bộ trưởng, Chủ nhiệm', position: 'Phó Chủ nhiệm', fullName: 'Nguyễn Văn Tùng' },
  kinhGui: [{ name: 'Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ' }, { name: 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương' }],
  recipients: [{ name: 'Thủ tướng Chính phủ', note: 'để b/c' }, { name: 'Các Phó Thủ tướng' }],
  recipientsAsAbove: true,
  archive: { draftingUnit: 'TTĐT', copies: 2 },
  urgency: 'khan',
  drafter: { initials: 'LTH', copies: 70 },
};

export const baoCao: AdministrativeDocument = {
  type: 'baoCao',
  issuer: { name: 'Sở Nội vụ', parentName: 'Ủy ban nhân dân tỉnh Phú Yên', abbreviation: 'SNV' },
  number: 12,
  symbol: 'BC-SNV',
  place: 'Phú Yên',
  date: '2021-11-22',
  subject: 'Kết quả công tác văn thư, lưu trữ năm 2021',
  content: {
    body: [
      { kind: 'heading', text: 'I. KẾT QUẢ THỰC HIỆN', level: 2 },
      { kind: 'paragraph', text: 'Trong năm 2021, Sở Nội vụ đã tham mưu Ủy ban nhân dân tỉnh ban hành nhiều văn bản chỉ đạo, hướng dẫn về công tác văn thư, lưu trữ; tổ chức tập huấn cho 320 lượt công chức làm công tác văn thư.' },
      { kind: 'heading', text: 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022', level: 2 },
      { kind: 'paragraph', text: 'Tiếp tục đẩy mạnh ứng dụng công nghệ thông tin, gửi, nhận văn bản điện tử có ký số giữa các cơ quan, đơn vị trên địa bàn tỉnh.' },
    ],
  },
  signer: { position: 'Giám đốc', fullName: 'Lê Thị Hồng Vân' },
  kinhGui: [{ name: 'Ủy ban nhân dân tỉnh Phú Yên' }],
  recipients: [{ name: 'Như trên' }, { name: 'Bộ Nội vụ', note: 'để b/c' }],
  archive: { draftingUnit: 'VTLT' },
};

export const toTrinh: AdministrativeDocument = {
  type: 'toTrinh',
  issuer: { name: 'Sở Thông tin và Truyền thông', parentName: 'Ủy ban nhân dân tỉnh Phú Yên', abbreviation: 'STTTT' },
  number: 45,
  symbol: 'TTr-STTTT',
  place: 'Phú Yên',
  date: '2022-03-15',
  subject: 'Đề nghị phê duyệt Kế hoạch chuyển đổi số năm 2022',
  content: {
    body: [
      { kind: 'paragraph', text: 'Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ, Sở Thông tin và Truyền thông kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Kế hoạch chuyển đổi số năm 2022 (dự thảo kèm theo).' },
      { kind: 'paragraph', text: 'Kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.' },
    ],
  },
  signer: { authority: 'Q', position: 'Giám đốc', fullName: 'Phạm Quốc Hưng' },
  kinhGui: [{ name: 'Ủy ban nhân dân tỉnh' }],
  recipients: [{ name: 'Như trên' }],
  archive: { draftingUnit: 'VP' },
  secrecy: 'mat',
};

export const giayMoi: AdministrativeDocument = {
  type: 'giayMoi',
  issuer: { name: 'Văn phòng Ủy ban nhân dân tỉnh', parentName: 'Ủy ban nhân dân tỉnh Gia Lai', abbreviation: 'VPUBND' },
  number: 3,
  symbol: 'GM-VPUBND',
  place: 'Gia Lai',
  date: '2023-01-09',
  subject: 'Dự họp triển khai hệ thống thông tin giải quyết thủ tục hành chính',
  content: {
    body: [
      { kind: 'paragraph', text: 'Văn phòng Ủy ban nhân dân tỉnh trân trọng kính mời đại diện lãnh đạo các Sở, ban, ngành dự họp.' },
      { kind: 'paragraph', text: 'Thời gian: 08 giờ 00 phút, ngày 12 tháng 01 năm 2023 (thứ Năm).' },
      { kind: 'paragraph', text: 'Địa điểm: Phòng họp số 2, Ủy ban nhân dân tỉnh, số 02 Trần Hưng Đạo, thành phố Pleiku.' },
    ],
  },
  signer: { authority: 'TL', onBehalfOf: 'Chủ tịch', position: 'Chánh Văn phòng', fullName: 'Đỗ Thị Ánh' },
  recipients: [{ name: 'Các Sở, ban, ngành' }],
  archive: { draftingUnit: 'KSTTHC' },
  urgency: 'hoaToc',
};

const planSection = (i: number): ContentBlock[] => [
  { kind: 'heading', text: `${i}. Nhiệm vụ ${i}: phát triển hạ tầng số và dữ liệu dùng chung`, level: 2 },
  {
    kind: 'paragraph',
    text: `Các cơ quan, đơn vị rà soát hiện trạng hạ tầng, bảo đảm kết nối mạng truyền số liệu chuyên dùng đến cấp xã; xây dựng cơ sở dữ liệu dùng chung của tỉnh, ưu tiên dữ liệu về dân cư, đất đai, doanh nghiệp; cập nhật, chia sẻ dữ liệu theo quy định tại Nghị định số 47/2020/NĐ-CP (nhiệm vụ số ${i}).`,
  },
  { kind: 'list', items: ['Cơ quan chủ trì: Sở Thông tin và Truyền thông;', 'Cơ quan phối hợp: các Sở, ban, ngành, Ủy ban nhân dân các huyện;', `Thời gian hoàn thành: quý ${(i % 4) + 1} năm 2024.`] },
  {
    kind: 'paragraph',
    text: 'Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác; lồng ghép trong các chương trình, đề án, dự án đã được phê duyệt, tránh trùng lặp, lãng phí.',
  },
];

/** A plan of about `pages` pages. */
export function keHoach(sections = 4): AdministrativeDocument {
  return {
    type: 'keHoach',
    issuer: { name: 'Ủy ban nhân dân tỉnh Phú Yên', abbreviation: 'UBND' },
    number: 118,
    symbol: 'KH-UBND',
    place: 'Phú Yên',
    date: '2024-05-02',
    subject: 'Chuyển đổi số tỉnh Phú Yên năm 2024',
    content: {
      body: [
        { kind: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU', level: 1 },
        { kind: 'paragraph', text: 'Triển khai đồng bộ, hiệu quả chuyển đổi số trên cả ba trụ cột chính quyền số, kinh tế số và xã hội số.' },
        { kind: 'heading', text: 'II. NHIỆM VỤ, GIẢI PHÁP', level: 1 },
        ...Array.from({ length: sections }, (_, i) => planSection(i + 1)).flat(),
        { kind: 'heading', text: 'III. TỔ CHỨC THỰC HIỆN', level: 1 },
        { kind: 'paragraph', text: 'Giao Sở Thông tin và Truyền thông theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2024./.' },
      ],
    },
    signer: { authority: 'KT', onBehalfOf: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Đào Mỹ' },
    recipients: [{ name: 'Bộ Thông tin và Truyền thông', note: 'để b/c' }, { name: 'Các Sở, ban, ngành' }, { name: 'UBND các huyện, thị xã, thành phố' }],
    archive: { draftingUnit: 'KGVX' },
    appendices: [
      {
        title: 'Danh mục nhiệm vụ',
        content: {
          body: [
            {
              kind: 'table',
              header: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời hạn'],
              widths: [1, 6, 4, 2],
              align: ['center', 'left', 'left', 'center'],
              rows: Array.from({ length: sections }, (_, i) => [
                String(i + 1),
                `Nhiệm vụ ${i + 1}: phát triển hạ tầng số và dữ liệu dùng chung, kết nối mạng truyền số liệu chuyên dùng đến cấp xã`,
                i % 2 === 0 ? 'Sở Thông tin và Truyền thông' : 'Văn phòng Ủy ban nhân dân tỉnh',
                `Quý ${(i % 4) + 1}/2024`,
              ]),
            },
          ],
        },
      },
      { title: 'Kinh phí thực hiện', content: { body: [{ kind: 'paragraph', text: 'Kinh phí dự kiến theo từng nhiệm vụ, chi tiết tại biểu kèm theo.' }] } },
    ],
  };
}

export const TEMPLATES = { quyetDinh, congVan, baoCao, toTrinh, giayMoi, keHoach: keHoach() } as const;
