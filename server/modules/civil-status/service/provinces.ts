/**
 * Province codes of the personal identification number (digits 1–3): the 63 provinces and
 * centrally-run cities before the 2025 reform. Effective-dated configuration.
 *
 * Source: TT 07/2016/TT-BCA, later TT 59/2021/TT-BCA (structure first set in NĐ 137/2015 Đ13,
 * repealed by NĐ 70/2024 without restating it); table as in the domain rules §2, checked against
 * news.thuvienphapluat.vn and several public repositories. Existing numbers are unchanged by the
 * 2025 mergers; the prefix rule for births after 01/07/2025 is not published, so the table is
 * open-ended (validTo null) until a newer table is added.
 */

export interface IdProvinceTable {
  /** First day the table applies (ISO date). */
  validFrom: string;
  /** Last day, or null while still in force. */
  validTo: string | null;
  source: string;
  /** Three-digit code → province name. */
  codes: Readonly<Record<string, string>>;
}

export const ID_PROVINCE_TABLES: readonly IdProvinceTable[] = [
  {
    validFrom: '2016-01-01',
    validTo: null,
    source: 'TT 07/2016/TT-BCA; TT 59/2021/TT-BCA (structure from NĐ 137/2015/NĐ-CP Đ13, de facto)',
    codes: {
      '001': 'Hà Nội',
      '002': 'Hà Giang',
      '004': 'Cao Bằng',
      '006': 'Bắc Kạn',
      '008': 'Tuyên Quang',
      '010': 'Lào Cai',
      '011': 'Điện Biên',
      '012': 'Lai Châu',
      '014': 'Sơn La',
      '015': 'Yên Bái',
      '017': 'Hòa Bình',
      '019': 'Thái Nguyên',
      '020': 'Lạng Sơn',
      '022': 'Quảng Ninh',
      '024': 'Bắc Giang',
      '025': 'Phú Thọ',
      '026': 'Vĩnh Phúc',
      '027': 'Bắc Ninh',
      '030': 'Hải Dương',
      '031': 'Hải Phòng',
      '033': 'Hưng Yên',
      '034': 'Thái Bình',
      '035': 'Hà Nam',
      '036': 'Nam Định',
      '037': 'Ninh Bình',
      '038': 'Thanh Hóa',
      '040': 'Nghệ An',
      '042': 'Hà Tĩnh',
      '044': 'Quảng Bình',
      '045': 'Quảng Trị',
      '046': 'Thừa Thiên Huế',
      '048': 'Đà Nẵng',
      '049': 'Quảng Nam',
      '051': 'Quảng Ngãi',
      '052': 'Bình Định',
      '054': 'Phú Yên',
      '056': 'Khánh Hòa',
      '058': 'Ninh Thuận',
      '060': 'Bình Thuận',
      '062': 'Kon Tum',
      '064': 'Gia Lai',
      '066': 'Đắk Lắk',
      '067': 'Đắk Nông',
      '068': 'Lâm Đồng',
      '070': 'Bình Phước',
      '072': 'Tây Ninh',
      '074': 'Bình Dương',
      '075': 'Đồng Nai',
      '077': 'Bà Rịa–Vũng Tàu',
      '079': 'TP HCM',
      '080': 'Long An',
      '082': 'Tiền Giang',
      '083': 'Bến Tre',
      '084': 'Trà Vinh',
      '086': 'Vĩnh Long',
      '087': 'Đồng Tháp',
      '089': 'An Giang',
      '091': 'Kiên Giang',
      '092': 'Cần Thơ',
      '093': 'Hậu Giang',
      '094': 'Sóc Trăng',
      '095': 'Bạc Liêu',
      '096': 'Cà Mau',
    },
  },
];

/** The table in force on a date (ISO); the latest table when no date is given. */
export function idProvinceTable(onDate?: string): IdProvinceTable {
  if (!onDate) return ID_PROVINCE_TABLES[ID_PROVINCE_TABLES.length - 1];
  const found = ID_PROVINCE_TABLES.find(
    (tb) => tb.validFrom <= onDate && (tb.validTo === null || onDate <= tb.validTo),
  );
  // Numbers issued before the first table used the same codes (NĐ 137/2015).
  return found ?? ID_PROVINCE_TABLES[0];
}

/** The province name for a three-digit code, or null when the code is not in the table. */
export function idProvinceName(code: string, onDate?: string): string | null {
  return idProvinceTable(onDate).codes[code] ?? null;
}

/** The ID province code ('027') of a province code of the unit directory ('27', '24'), if any. */
export function idProvinceCodeOf(unitProvinceCode: string | null | undefined): string | null {
  if (!unitProvinceCode || !/^\d{2}$/.test(unitProvinceCode)) return null;
  const code = `0${unitProvinceCode}`;
  return idProvinceName(code) ? code : null;
}
