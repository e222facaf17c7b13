/**
 * Số định danh cá nhân (personal identification number, the number on the căn cước card):
 * 12 digits — a 3-digit code of the province where the birth was registered (the 63-province
 * table), one digit for century and sex, the last two digits of the birth year, and 6 random
 * digits (Nghị định 137/2015/NĐ-CP, Điều 13; codes in Thông tư 07/2016/TT-BCA, Điều 7).
 *
 * The platform accepts any 12-digit number from an identity provider (the provider is the
 * authority); the structure is used to check the development provider's demo citizens.
 */
export const PERSONAL_ID_PATTERN = /^\d{12}$/;

export const isPersonalIdShape = (v: unknown): v is string =>
  typeof v === 'string' && PERSONAL_ID_PATTERN.test(v);

/** The province codes of the 63-province structure, as used in personal identification numbers. */
export const PERSONAL_ID_PROVINCES: Readonly<Record<string, string>> = {
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
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
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
};

export interface PersonalIdParts {
  provinceCode: string;
  provinceName: string;
  sex: 'male' | 'female';
  birthYear: number;
  serial: string;
}

/**
 * Reads the structure of a personal identification number, or null when it does not follow it.
 * Century/sex digit: 0/1 for 1900–1999 (male/female), 2/3 for 2000–2099, 4/5, 6/7, 8/9 the next centuries.
 */
export function parsePersonalId(id: string): PersonalIdParts | null {
  if (!PERSONAL_ID_PATTERN.test(id)) return null;
  const provinceCode = id.slice(0, 3);
  const provinceName = PERSONAL_ID_PROVINCES[provinceCode];
  if (!provinceName) return null;
  const d = Number(id[3]);
  return {
    provinceCode,
    provinceName,
    sex: d % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(d / 2) * 100 + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}
