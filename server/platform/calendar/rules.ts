import type { LocalDate, Weekday } from './local-date.js';

/**
 * Holiday rules as effective-dated configuration. A rule set is one statute's list of
 * public holidays (ngày nghỉ lễ, tết) with the dates it is in force; the engine picks, for
 * each holiday occurrence, the rule set valid on that date. A new law (e.g. the announced
 * 24/11 Ngày Văn hóa Việt Nam, not yet law in early 2026) is added as a new rule set with
 * its own validFrom, never by editing an old one.
 */
export type HolidayId =
  | 'tet_duong_lich'
  | 'tet_am_lich'
  | 'gio_to_hung_vuong'
  | 'chien_thang'
  | 'quoc_te_lao_dong'
  | 'quoc_khanh';

/** Holidays whose exact days the Prime Minister decides each year (BLLĐ 2019 Đ112.3). */
export type DecidedHolidayId = 'tet_am_lich' | 'quoc_khanh';
export const DECIDED_HOLIDAYS: readonly DecidedHolidayId[] = ['tet_am_lich', 'quoc_khanh'];

export type HolidayRule =
  /** A fixed day each year: solar (1/1, 30/4, 1/5) or lunar (10/3 âm lịch). */
  | {
      id: HolidayId;
      kind: 'fixed';
      calendar: 'solar' | 'lunar';
      month: number;
      day: number;
      name: string;
      basis: string;
    }
  /** Tết Âm lịch: `days` days around lunar new year, chosen yearly. */
  | { id: 'tet_am_lich'; kind: 'lunar_new_year'; days: number; name: string; basis: string }
  /** Quốc khánh: 2/9, plus (when days = 2) one adjacent day, 1/9 or 3/9, chosen yearly. */
  | { id: 'quoc_khanh'; kind: 'national_day'; days: 1 | 2; name: string; basis: string };

export interface HolidayRuleSet {
  id: string;
  title: string;
  /** First day in force (inclusive). */
  validFrom: LocalDate;
  /** First day no longer in force (exclusive); absent while in force. */
  validTo?: LocalDate;
  holidays: HolidayRule[];
  /** Compensation day (nghỉ bù): a holiday on a weekly rest day moves to the next working day. */
  compensationBasis: string;
  /**
   * Default Tết days when no decision is entered: `days` consecutive days starting on day
   * `firstDayOfLastMonth` of the last month of the old lunar year (29 = "from 29 tháng Chạp").
   */
  tetDefault: { firstDayOfLastMonth: number; basis: string };
  /** Default adjacent Quốc khánh day when no decision is entered, by the weekday of 2/9. */
  nationalDayDefault: { adjacentByWeekday: Record<Weekday, 'before' | 'after'>; basis: string };
  /** Where the text was checked; '[GK]' marks general knowledge not confirmed in the pháp điển snapshot. */
  note?: string;
}

/** Weekly rest days of public bodies: Saturday and Sunday. */
export const PUBLIC_BODY_REST_DAYS: readonly Weekday[] = [6, 0];

const TET_DEFAULT = {
  firstDayOfLastMonth: 29,
  basis:
    'Mặc định khi chưa nhập quyết định của Thủ tướng (BLLĐ 2019 Đ112.3): 5 ngày liên tiếp từ 29 tháng Chạp, ' +
    'như các năm 2021–2024 và 2026',
};

/**
 * 2/9 on Monday → 3/9 (1/9 is a Sunday); on Thursday → 3/9 (a Friday, bridging to the weekend);
 * otherwise 1/9. This reproduces every decision from 2021 to 2026. On Sunday either choice gives
 * the same days off once compensation is applied.
 */
const NATIONAL_DAY_DEFAULT: HolidayRuleSet['nationalDayDefault'] = {
  adjacentByWeekday: {
    0: 'before',
    1: 'after',
    2: 'before',
    3: 'before',
    4: 'after',
    5: 'before',
    6: 'before',
  },
  basis:
    'Mặc định khi chưa nhập quyết định của Thủ tướng (BLLĐ 2019 Đ112.3): chọn ngày liền kề nối với ngày nghỉ ' +
    'cuối tuần, như các năm 2021–2026',
};

const BLLD_2019 = 'Bộ luật Lao động số 45/2019/QH14';

export const BLLD_2019_RULES: HolidayRuleSet = {
  id: 'blld-2019',
  title: `${BLLD_2019}, Điều 111 và Điều 112`,
  validFrom: '2021-01-01',
  holidays: [
    {
      id: 'tet_duong_lich',
      kind: 'fixed',
      calendar: 'solar',
      month: 1,
      day: 1,
      name: 'Tết Dương lịch',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm a`,
    },
    {
      id: 'tet_am_lich',
      kind: 'lunar_new_year',
      days: 5,
      name: 'Tết Âm lịch',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm b`,
    },
    {
      id: 'chien_thang',
      kind: 'fixed',
      calendar: 'solar',
      month: 4,
      day: 30,
      name: 'Ngày Chiến thắng',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm c`,
    },
    {
      id: 'quoc_te_lao_dong',
      kind: 'fixed',
      calendar: 'solar',
      month: 5,
      day: 1,
      name: 'Ngày Quốc tế Lao động',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm d`,
    },
    {
      id: 'quoc_khanh',
      kind: 'national_day',
      days: 2,
      name: 'Quốc khánh',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm đ`,
    },
    {
      id: 'gio_to_hung_vuong',
      kind: 'fixed',
      calendar: 'lunar',
      month: 3,
      day: 10,
      name: 'Giỗ Tổ Hùng Vương',
      basis: `${BLLD_2019}, Điều 112 khoản 1 điểm e`,
    },
  ],
  compensationBasis: `${BLLD_2019}, Điều 111 khoản 3`,
  tetDefault: TET_DEFAULT,
  nationalDayDefault: NATIONAL_DAY_DEFAULT,
  note: 'Đ111–112 checked against Bộ pháp điển 20.2.LQ.111–112.',
};

const BLLD_2012 = 'Bộ luật Lao động số 10/2012/QH13';

/** The previous code, for dates before 2021: Quốc khánh was a single day. */
export const BLLD_2012_RULES: HolidayRuleSet = {
  id: 'blld-2012',
  title: `${BLLD_2012}, Điều 110 và Điều 115`,
  validFrom: '2013-05-01',
  validTo: '2021-01-01',
  holidays: [
    {
      id: 'tet_duong_lich',
      kind: 'fixed',
      calendar: 'solar',
      month: 1,
      day: 1,
      name: 'Tết Dương lịch',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm a`,
    },
    {
      id: 'tet_am_lich',
      kind: 'lunar_new_year',
      days: 5,
      name: 'Tết Âm lịch',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm b`,
    },
    {
      id: 'chien_thang',
      kind: 'fixed',
      calendar: 'solar',
      month: 4,
      day: 30,
      name: 'Ngày Chiến thắng',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm c`,
    },
    {
      id: 'quoc_te_lao_dong',
      kind: 'fixed',
      calendar: 'solar',
      month: 5,
      day: 1,
      name: 'Ngày Quốc tế Lao động',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm d`,
    },
    {
      id: 'quoc_khanh',
      kind: 'national_day',
      days: 1,
      name: 'Quốc khánh',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm đ`,
    },
    {
      id: 'gio_to_hung_vuong',
      kind: 'fixed',
      calendar: 'lunar',
      month: 3,
      day: 10,
      name: 'Giỗ Tổ Hùng Vương',
      basis: `${BLLD_2012}, Điều 115 khoản 1 điểm e`,
    },
  ],
  compensationBasis: `${BLLD_2012}, Điều 115 khoản 3`,
  tetDefault: TET_DEFAULT,
  nationalDayDefault: NATIONAL_DAY_DEFAULT,
  note: '[GK] The 2012 code is not in the pháp điển snapshot; article numbers from general knowledge, verify.',
};

/** The statutory rule sets shipped with the product, oldest first. */
export const STATUTORY_RULE_SETS: readonly HolidayRuleSet[] = [BLLD_2012_RULES, BLLD_2019_RULES];

/**
 * A dated exception to the rules: a day off (ngày nghỉ, e.g. a swapped day) or a worked day
 * (ngày làm bù, usually a Saturday). A day off tagged with a decided holiday declares that
 * holiday's days for the year: for `tet_am_lich` the tagged days are the Tết days (weekend ones
 * included, they earn compensation days); for `quoc_khanh` the tagged day is the day adjacent
 * to 2/9. Once a year has a decision, the default pattern is not used for it.
 */
export interface CalendarOverride {
  date: LocalDate;
  kind: 'day_off' | 'workday';
  holidayId?: DecidedHolidayId | null;
  name: string;
  /** The legal basis: the decision, official letter or notice. */
  basis: string;
  /** Where the fact was found (press report, gazette), when it is not the basis itself. */
  source?: string | null;
}
