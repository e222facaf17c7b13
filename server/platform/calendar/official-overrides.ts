import type { CalendarOverride, DecidedHolidayId } from './rules.js';

/**
 * The announced day-off arrangements for cán bộ, công chức, viên chức (public bodies, Saturday
 * and Sunday rest), 2024–2026, as built-in configuration. Administrators add later years (and
 * correct these) through stored overrides, which win over the built-in ones.
 *
 * The facts come from press reports of the Government's decisions (see `source`), not from
 * the Gazette text itself; check them against the Văn phòng Chính phủ / Bộ Nội vụ notice
 * before relying on them in court.
 */

const dayOff = (date: string, name: string, basis: string, source: string, holidayId?: DecidedHolidayId) =>
  ({ date, kind: 'day_off', holidayId: holidayId ?? null, name, basis, source }) satisfies CalendarOverride;

const workday = (date: string, name: string, basis: string, source: string) =>
  ({ date, kind: 'workday', holidayId: null, name, basis, source }) satisfies CalendarOverride;

const tetDays = (dates: string[], canChi: string, basis: string, source: string) =>
  dates.map((date) => dayOff(date, `Tết Âm lịch ${canChi}`, basis, source, 'tet_am_lich'));

// 2024 -----------------------------------------------------------------------------------------
const TET_2024_BASIS =
  'Thủ tướng Chính phủ đồng ý phương án nghỉ Tết Giáp Thìn 2024 từ 08/02 (29 tháng Chạp) đến hết 14/02 ' +
  '(mùng 5 tháng Giêng); 5 ngày Tết là 29 tháng Chạp – mùng 3, 10–11/02 trùng nghỉ hằng tuần nên nghỉ bù ' +
  '13–14/02 (BLLĐ 2019 Đ111.3; cách chia suy ra, nguồn chỉ nêu khoảng nghỉ)';
const TET_2024_SOURCE = 'Viet Nam News 05/11/2023: "One-week break approved for Tết holiday in 2024"';
const QK_2024_BASIS =
  'Phương án nghỉ Quốc khánh 2024 được Thủ tướng Chính phủ chấp thuận: nghỉ 2/9 và 3/9/2024';
const QK_2024_SOURCE = 'BTV; Viet Nam News 05/11/2023';
const APRIL_2024_BASIS =
  'Công văn 2450/VPCP-KGVX ngày 12/4/2024: hoán đổi thứ Hai 29/4/2024 với thứ Bảy 04/5/2024 ' +
  '(nghỉ 27/4 – 01/5/2024)';
const APRIL_2024_SOURCE = 'baotintuc.vn (TTXVN) 12/4/2024';

// 2025 -----------------------------------------------------------------------------------------
const DECISIONS_2025 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH';
const TET_2025_SOURCE = 'LuatVietnam; VTV9: "Tết Nguyên đán Ất Tỵ 2025 nghỉ 9 ngày liên tục"';
const QK_2025_SOURCE = 'fpt.vn; giadinh.suckhoedoisong.vn: lịch nghỉ lễ 2/9/2025';
const APRIL_2025_SOURCE = 'kntb.vn 30/3/2025; VietnamPlus (TTXVN)';

// 2026 -----------------------------------------------------------------------------------------
const TET_DL_2026_BASIS =
  'Công văn 12729/VPCP-KGVX: nghỉ Tết Dương lịch 2026 từ 01/01 đến 04/01, hoán đổi thứ Sáu 02/01 ' +
  'với thứ Bảy 10/01/2026';
const TET_DL_2026_SOURCE = 'domain-rules §7 (research notes)';
const DECISIONS_2026 =
  'Thủ tướng Chính phủ đồng ý đề xuất của Bộ Nội vụ về lịch nghỉ Tết Âm lịch Bính Ngọ và Quốc khánh năm 2026 ' +
  '(tháng 10/2025)';
const DECISIONS_2026_SOURCE = 'Kiến Thức 13/10/2025; Vietnam Media (TTXVN) 17/10/2025; Công an TP.HCM';

export const OFFICIAL_OVERRIDES: readonly CalendarOverride[] = [
  // 2024: Tết Giáp Thìn 08/02 – 14/02; 30/4 – 1/5 swap; Quốc khánh 2/9 + 3/9.
  ...tetDays(
    ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
    'Giáp Thìn',
    TET_2024_BASIS,
    TET_2024_SOURCE,
  ),
  dayOff(
    '2024-04-29',
    'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5/2024)',
    APRIL_2024_BASIS,
    APRIL_2024_SOURCE,
  ),
  workday('2024-05-04', 'Làm bù cho thứ Hai 29/4/2024', APRIL_2024_BASIS, APRIL_2024_SOURCE),
  dayOff('2024-09-03', 'Quốc khánh (ngày liền kề)', QK_2024_BASIS, QK_2024_SOURCE, 'quoc_khanh'),

  // 2025: Tết Ất Tỵ 25/01 – 02/02 (Tết days 27–31/01); 30/4 – 1/5 swap; Quốc khánh 1/9 + 2/9.
  ...tetDays(
    ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    'Ất Tỵ',
    DECISIONS_2025,
    TET_2025_SOURCE,
  ),
  dayOff(
    '2025-05-02',
    'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)',
    DECISIONS_2025,
    APRIL_2025_SOURCE,
  ),
  workday('2025-04-26', 'Làm bù cho thứ Sáu 02/5/2025', DECISIONS_2025, APRIL_2025_SOURCE),
  dayOff('2025-09-01', 'Quốc khánh (ngày liền kề)', DECISIONS_2025, QK_2025_SOURCE, 'quoc_khanh'),

  // 2026: Tết Dương lịch 01–04/01; Tết Bính Ngọ 14/02 – 22/02 (Tết days 16–20/02);
  // Quốc khánh 29/8 – 02/9 (1/9 + 2/9, Monday 31/8 swapped with Saturday 22/8).
  dayOff(
    '2026-01-02',
    'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    TET_DL_2026_BASIS,
    TET_DL_2026_SOURCE,
  ),
  workday('2026-01-10', 'Làm bù cho thứ Sáu 02/01/2026', TET_DL_2026_BASIS, TET_DL_2026_SOURCE),
  ...tetDays(
    ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    'Bính Ngọ',
    DECISIONS_2026,
    DECISIONS_2026_SOURCE,
  ),
  workday('2026-08-22', 'Làm bù cho thứ Hai 31/8/2026', DECISIONS_2026, DECISIONS_2026_SOURCE),
  dayOff(
    '2026-08-31',
    'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
    DECISIONS_2026,
    DECISIONS_2026_SOURCE,
  ),
  dayOff('2026-09-01', 'Quốc khánh (ngày liền kề)', DECISIONS_2026, DECISIONS_2026_SOURCE, 'quoc_khanh'),
];
