/**
 * Personal identification number (số định danh cá nhân), 12 digits (Luật Căn cước 2023 Đ12).
 *
 * Its inner structure (province of birth registration, century and sex, two-digit birth year,
 * six random digits) comes from NĐ 137/2015 Đ13, repealed by NĐ 70/2024 without restating it.
 * The structure is therefore de facto: we parse it and report where a number departs from it,
 * but never reject a 12-digit number for that reason (domain rules §2).
 */
import { AppError, type LocalizedText, t } from '../../../platform/errors/app-error.js';
import { idProvinceName } from './provinces.js';

export type Sex = 'male' | 'female';

export interface ParsedPersonalId {
  /** The input, once separators are removed, is exactly 12 ASCII digits. */
  valid12Digits: boolean;
  /** The input with spaces, dots and dashes removed and full-width digits folded. */
  normalized: string;
  /** Digits 1–3. */
  provinceCode: string | null;
  /** Name of the province (63 pre-2025 provinces) for the code, or null if unknown. */
  provinceName: string | null;
  /** The birth year's century as its first two digits: 19 for 1900–1999, 20 for 2000–2099. */
  century: number | null;
  sex: Sex | null;
  /** Digits 5–6. */
  birthYearTwoDigits: string | null;
  birthYear: number | null;
  /** Digits 7–12. */
  random6: string | null;
  /** Every part matches the structure (known province, birth year not in the future). */
  conforms: boolean;
  notes: LocalizedText[];
}

export interface ParseOptions {
  /** Reference day (ISO date) for "birth year in the future"; defaults to today. */
  today?: string;
}

const SEPARATORS = /[\s.\-_\u2010-\u2015]/g;

const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Strips separators and folds full-width digits; never throws. */
export function normalizePersonalId(input: string): string {
  return String(input).normalize('NFKC').replace(SEPARATORS, '');
}

/**
 * Reads an ID and reports each part; never throws. A non-12-digit input comes back with
 * `valid12Digits: false`, null parts and a note.
 */
export function inspectPersonalId(input: string, options: ParseOptions = {}): ParsedPersonalId {
  const normalized = typeof input === 'string' ? normalizePersonalId(input) : '';
  const empty: ParsedPersonalId = {
    valid12Digits: false,
    normalized,
    provinceCode: null,
    provinceName: null,
    century: null,
    sex: null,
    birthYearTwoDigits: null,
    birthYear: null,
    random6: null,
    conforms: false,
    notes: [],
  };
  if (!/^[0-9]{12}$/.test(normalized)) {
    empty.notes.push(
      t(
        `Số định danh cá nhân phải gồm đúng 12 chữ số (nhận được ${normalized.length} ký tự)`,
        `A personal ID number must be exactly 12 digits (got ${normalized.length} characters)`,
      ),
    );
    return empty;
  }
  const provinceCode = normalized.slice(0, 3);
  const centurySex = Number(normalized[3]);
  const birthYearTwoDigits = normalized.slice(4, 6);
  const random6 = normalized.slice(6);
  const century = 19 + Math.floor(centurySex / 2);
  const birthYear = century * 100 + Number(birthYearTwoDigits);
  const sex: Sex = centurySex % 2 === 0 ? 'male' : 'female';
  const today = options.today ?? todayIso();
  const provinceName = idProvinceName(provinceCode, today);
  const notes: LocalizedText[] = [];
  if (!provinceName) {
    notes.push(
      t(
        `Mã tỉnh ${provinceCode} không thuộc bảng 63 tỉnh, thành phố; vẫn chấp nhận số định danh`,
        `Province code ${provinceCode} is not in the table of 63 provinces; the number is still accepted`,
      ),
    );
  }
  const currentYear = Number(today.slice(0, 4));
  if (birthYear > currentYear) {
    notes.push(
      t(
        `Chữ số thứ 4 và năm sinh cho năm ${birthYear}, sau năm hiện tại; vẫn chấp nhận số định danh`,
        `Digit 4 and the birth year give ${birthYear}, after the current year; the number is still accepted`,
      ),
    );
  }
  return {
    valid12Digits: true,
    normalized,
    provinceCode,
    provinceName,
    century,
    sex,
    birthYearTwoDigits,
    birthYear,
    random6,
    conforms: notes.length === 0,
    notes,
  };
}

/**
 * Parses an ID. A 12-digit number that breaks the structure is accepted (`conforms: false`
 * with notes); anything that is not 12 digits is a VALIDATION error.
 */
export function parsePersonalId(input: string, options: ParseOptions = {}): ParsedPersonalId {
  const parsed = inspectPersonalId(input, options);
  if (!parsed.valid12Digits) {
    throw new AppError(
      'VALIDATION',
      t('Số định danh cá nhân phải gồm đúng 12 chữ số', 'A personal ID number must be exactly 12 digits'),
      { field: 'personalId', length: parsed.normalized.length },
    );
  }
  return parsed;
}

/** One way a number disagrees with the person's data. */
export interface IdMismatch extends LocalizedText {
  field: 'format' | 'sex' | 'birthYear' | 'province';
}

export interface IdFacts {
  /** ISO date (yyyy-mm-dd) or year. */
  birthDate?: string | number;
  sex?: Sex;
  /** Three-digit ID province code of the birth registration, when known. */
  provinceCode?: string;
}

/** Compares an ID with the person's facts; returns the mismatches as notes, never throws. */
export function checkIdAgainst(id: string, facts: IdFacts): IdMismatch[] {
  const parsed = inspectPersonalId(id, { today: '9999-12-31' });
  if (!parsed.valid12Digits) {
    return [{ field: 'format', ...parsed.notes[0] }];
  }
  const out: IdMismatch[] = [];
  if (facts.sex && parsed.sex !== facts.sex) {
    out.push({
      field: 'sex',
      ...t(
        `Chữ số thứ 4 cho giới tính ${sexVi(parsed.sex!)}, hồ sơ ghi ${sexVi(facts.sex)}`,
        `Digit 4 gives sex ${parsed.sex}, the record says ${facts.sex}`,
      ),
    });
  }
  const year = yearOf(facts.birthDate);
  if (year !== null && parsed.birthYear !== year) {
    out.push({
      field: 'birthYear',
      ...t(
        `Số định danh cho năm sinh ${parsed.birthYear}, hồ sơ ghi năm ${year}`,
        `The number gives birth year ${parsed.birthYear}, the record says ${year}`,
      ),
    });
  }
  if (facts.provinceCode && parsed.provinceCode !== facts.provinceCode) {
    out.push({
      field: 'province',
      ...t(
        `Mã tỉnh trong số định danh là ${parsed.provinceCode}, nơi đăng ký khai sinh có mã ${facts.provinceCode}`,
        `The number's province code is ${parsed.provinceCode}, the birth was registered under ${facts.provinceCode}`,
      ),
    });
  }
  return out;
}

const sexVi = (s: Sex): string => (s === 'male' ? 'nam' : 'nữ');

function yearOf(d: string | number | undefined): number | null {
  if (d === undefined || d === null) return null;
  if (typeof d === 'number') return Number.isInteger(d) ? d : null;
  const m = /^(\d{4})/.exec(d.trim());
  return m ? Number(m[1]) : null;
}

export interface IdParts {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
  /** 0–999999. */
  serial: number;
}

/** Builds a number that follows the structure; throws VALIDATION on parts outside it. */
export function buildPersonalId(parts: IdParts): string {
  const { provinceCode, sex, birthYear, serial } = parts;
  if (!/^\d{3}$/.test(provinceCode) || birthYear < 1900 || birthYear > 2399 || !Number.isInteger(birthYear)) {
    throw new AppError('VALIDATION', t('Thành phần số định danh không hợp lệ', 'Invalid ID parts'), {
      provinceCode,
      birthYear,
    });
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) {
    throw new AppError('VALIDATION', t('Sáu chữ số cuối không hợp lệ', 'Invalid last six digits'), {
      serial,
    });
  }
  const centurySex = (Math.floor(birthYear / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
  const yy = String(birthYear % 100).padStart(2, '0');
  return `${provinceCode}${centurySex}${yy}${String(serial).padStart(6, '0')}`;
}
