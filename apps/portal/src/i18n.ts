// The portal's own texts, Vietnamese first. The elements follow the page's `lang` attribute by themselves.
export type Lang = 'vi' | 'en';

const vi = {
  appTitle: 'Cổng văn bản điện tử — bản chạy thử',
  skip: 'Bỏ qua, đến nội dung chính',
  demo: 'DEMO',
  user: 'Người dùng thử nghiệm (DEMO)',
  switchUser: 'Đổi người dùng',
  signOut: 'Đăng xuất',
  language: 'English',
  languageLabel: 'Chuyển sang tiếng Anh',
  theme: 'Giao diện tối',
  themeLight: 'Giao diện sáng',
  nav: 'Chức năng',
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  compose: 'Soạn thảo, trình ký',
  register: 'Sổ đăng ký',
  schedule: 'Lịch công tác tuần',
  calendar: 'Lịch tháng',
  stats: 'Thống kê',
  loading: 'Đang tải…',
  loginTitle: 'Đăng nhập',
  loginIntro:
    'Bản chạy thử dùng nhà cung cấp định danh thử nghiệm của máy chủ văn phòng (DEMO): chọn một người dùng của một cơ quan và một vai trò. Cổng thật đăng nhập bằng hệ thống định danh của mình; trình duyệt chỉ giữ mã đăng nhập (token) ngắn hạn của người dùng.',
  loginUser: 'Người dùng',
  loginButton: 'Đăng nhập',
  loginProvider: 'Hoặc dùng trang đăng nhập của nhà cung cấp định danh thử nghiệm',
  officeDown: 'Không kết nối được máy chủ văn phòng. Hãy chạy `pnpm start` ở thư mục gốc rồi tải lại trang.',
  notYet: (what: string) =>
    `Chức năng “${what}” của bộ thành phần văn phòng chưa có trong bản này; phần còn lại của cổng vẫn dùng được.`,
  demoNote:
    'Bản chạy thử (DEMO): người dùng, mã đăng nhập và khóa ký số là dữ liệu mẫu. Trình duyệt không giữ mật khẩu hệ thống hay khóa bí mật nào: máy chủ văn phòng giữ mật khẩu trao đổi, khóa ký số nằm ở dịch vụ ký số từ xa thử nghiệm.',
  demoPhoneNote: 'Ký số từ xa thử nghiệm: sau khi bấm ký, xác nhận yêu cầu trên trang “điện thoại” thử nghiệm.',
  demoPhoneLink: 'Mở trang điện thoại thử nghiệm (tab mới)',
  // schedule and calendar
  scheduleTitle: 'Lịch công tác tuần của lãnh đạo',
  print: 'In lịch',
  scheduleSaved: 'Đã lưu thay đổi lịch công tác.',
  calendarTitle: 'Lịch tháng',
  statsTitle: 'Thống kê sử dụng văn bản điện tử',
  statsHeading: (agency: string) => `${agency}, từng tháng trong năm`,
} as const;

type Dict = { [K in keyof typeof vi]: (typeof vi)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: Dict = {
  appTitle: 'E-document portal — demo',
  skip: 'Skip to main content',
  demo: 'DEMO',
  user: 'Demo user (DEMO)',
  switchUser: 'Switch user',
  signOut: 'Sign out',
  language: 'Tiếng Việt',
  languageLabel: 'Switch to Vietnamese',
  theme: 'Dark theme',
  themeLight: 'Light theme',
  nav: 'Sections',
  incoming: 'Incoming',
  outgoing: 'Outgoing',
  compose: 'Drafting and signature',
  register: 'Registers',
  schedule: 'Weekly schedule',
  calendar: 'Month calendar',
  stats: 'Statistics',
  loading: 'Loading…',
  loginTitle: 'Sign in',
  loginIntro:
    'The demo signs in with the office server’s demo identity provider (DEMO): choose a user of an agency and a role. A real portal signs in with its own identity provider; the browser only holds the user’s short-lived token.',
  loginUser: 'User',
  loginButton: 'Sign in',
  loginProvider: 'Or use the demo identity provider’s login page',
  officeDown: 'The office server cannot be reached. Run `pnpm start` at the repository root, then reload.',
  notYet: (what: string) => `The “${what}” feature of the office elements is not in this build yet; the rest of the portal works.`,
  demoNote:
    'Demo: users, tokens and signing keys are sample data. The browser holds no system secret and no private key: the office server keeps the exchange secret, the signing keys sit in the demo remote signing service.',
  demoPhoneNote: 'Demo remote signing: after pressing Sign, confirm the request on the demo “phone” page.',
  demoPhoneLink: 'Open the demo phone page (new tab)',
  scheduleTitle: 'Leaders’ weekly work schedule',
  print: 'Print',
  scheduleSaved: 'Schedule change saved.',
  calendarTitle: 'Month calendar',
  statsTitle: 'E-document usage statistics',
  statsHeading: (agency: string) => `${agency}, month by month this year`,
};

const dictionaries: Record<Lang, Dict> = { vi: vi, en };

let current: Lang = 'vi';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** The texts in the current language. */
export function t(): Dict {
  return dictionaries[current];
}
