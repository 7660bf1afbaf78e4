// Every Vietnamese letter with every tone, upper and lower case: 12 vowels × 6 tones × 2 cases + đ, Đ = 146.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

export const VIETNAMESE_LETTERS: string[] = [
  ...VOWELS.flatMap((v) => TONES.flatMap((t) => [(v + t).normalize('NFC'), (v.toUpperCase() + t).normalize('NFC')])),
  'đ',
  'Đ',
];

export const SAMPLE_SENTENCE =
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Độc lập - Tự do - Hạnh phúc. Ủy ban nhân dân tỉnh Gia Lai chỉ thị về việc tăng cường sử dụng văn bản điện tử trong hoạt động của các cơ quan nhà nước; Thủ trưởng các đơn vị, tổ chức thuộc và trực thuộc Bộ có trách nhiệm thực hiện nghiêm túc Chỉ thị này.';
