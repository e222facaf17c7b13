/**
 * Name components for synthetic people: surname and middle-name frequencies and given-name
 * syllables by sex, read at run time from the shared data folder (../shared/data/names beside the
 * repository; source and caveats in its README), with a small built-in fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sex } from '../personal-id.js';
import { type Random, WeightedTable } from './random.js';

export interface NameData {
  source: 'files' | 'built-in';
  surnames: readonly (readonly [string, number])[];
  middleNames: readonly (readonly [string, number])[];
  givenNames: Readonly<Record<Sex, readonly string[]>>;
}

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
/** The shared names folder beside the repository. */
export const DEFAULT_NAMES_DIR = path.resolve(repoRoot, '..', 'shared', 'data', 'names');

/** Built-in fallback: common name parts with rough weights (general knowledge, not a sample). */
export const BUILT_IN_NAMES: NameData = {
  source: 'built-in',
  surnames: [
    ['Nguyễn', 31],
    ['Trần', 11],
    ['Lê', 9],
    ['Phạm', 7],
    ['Hoàng', 5],
    ['Huỳnh', 4],
    ['Phan', 4],
    ['Vũ', 4],
    ['Võ', 3],
    ['Đặng', 2],
    ['Bùi', 2],
    ['Đỗ', 2],
    ['Hồ', 2],
    ['Ngô', 2],
    ['Dương', 1],
    ['Lý', 1],
  ],
  middleNames: [
    ['Văn', 30],
    ['Thị', 30],
    ['Minh', 10],
    ['Thanh', 8],
    ['Ngọc', 8],
    ['Đức', 6],
    ['Quốc', 5],
    ['Hoàng', 5],
    ['Thu', 4],
    ['Hữu', 4],
    ['Xuân', 4],
    ['Thị Thu', 3],
    ['Bảo', 3],
  ],
  givenNames: {
    male: [
      'An',
      'Anh',
      'Bình',
      'Cường',
      'Dũng',
      'Đức',
      'Hải',
      'Hiếu',
      'Hùng',
      'Huy',
      'Khoa',
      'Long',
      'Minh',
      'Nam',
      'Phong',
      'Phúc',
      'Quân',
      'Sơn',
      'Thành',
      'Trung',
      'Tuấn',
      'Việt',
    ],
    female: [
      'An',
      'Anh',
      'Chi',
      'Dung',
      'Giang',
      'Hà',
      'Hằng',
      'Hoa',
      'Hương',
      'Lan',
      'Linh',
      'Mai',
      'My',
      'Ngọc',
      'Nhung',
      'Oanh',
      'Phương',
      'Thảo',
      'Trang',
      'Vy',
      'Yến',
      'Ý',
    ],
  },
};

function readCounts(file: string): [string, number][] {
  const out: [string, number][] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  for (const line of lines.slice(1)) {
    const i = line.lastIndexOf(',');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().normalize('NFC');
    const count = Number(line.slice(i + 1));
    if (name && Number.isFinite(count) && count > 0) out.push([name, count]);
  }
  return out;
}

function readList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim().normalize('NFC'))
    .filter(Boolean);
}

/**
 * Loads the name files from a folder; falls back to the built-in lists when the folder or a file
 * is missing or empty (`dir: null` forces the built-in lists).
 */
export function loadNameData(dir: string | null = DEFAULT_NAMES_DIR): NameData {
  if (dir === null) return BUILT_IN_NAMES;
  try {
    const data: NameData = {
      source: 'files',
      surnames: readCounts(path.join(dir, 'surnames_freq.csv')),
      middleNames: readCounts(path.join(dir, 'middle_names_freq.csv')),
      givenNames: {
        male: readList(path.join(dir, 'given_names_male.txt')),
        female: readList(path.join(dir, 'given_names_female.txt')),
      },
    };
    const complete =
      data.surnames.length > 0 &&
      data.middleNames.length > 0 &&
      data.givenNames.male.length > 0 &&
      data.givenNames.female.length > 0;
    return complete ? data : BUILT_IN_NAMES;
  } catch {
    return BUILT_IN_NAMES;
  }
}

/** Middle-name syllables read as a man's or a woman's (heuristic; "Thị" and "Văn" are the clear ones). */
const FEMALE_TOKENS = new Set([
  'Thị',
  'Thu',
  'Thùy',
  'Thuỳ',
  'Mỹ',
  'Kim',
  'Diệu',
  'Bích',
  'Tuyết',
  'Lệ',
  'Nguyệt',
]);
const MALE_TOKENS = new Set([
  'Văn',
  'Đức',
  'Quốc',
  'Hữu',
  'Đình',
  'Công',
  'Bá',
  'Duy',
  'Trọng',
  'Tiến',
  'Mạnh',
]);

/** 'female', 'male' or 'shared' for a middle name. */
export function middleNameGender(name: string): Sex | 'shared' {
  const tokens = name.split(' ');
  if (tokens.some((x) => FEMALE_TOKENS.has(x))) return 'female';
  if (tokens.some((x) => MALE_TOKENS.has(x))) return 'male';
  return 'shared';
}

/** Generations with their own middle-name weights: born before 1980, 1980–1999, from 2000. */
const generationOf = (birthYear: number): 0 | 1 | 2 => (birthYear < 1980 ? 0 : birthYear < 2000 ? 1 : 2);
/** Weight of "Thị"/"Văn" by generation: the sample (born about 1990–1998) under-represents older usage. */
const CLASSIC_WEIGHT = [4, 2, 1];

/**
 * Samplers by sex and generation. The sample under-represents women (see the data README), so
 * middle names are split by a heuristic (`middleNameGender`); female-marked entries are weighted
 * ×1.5, and "Thị"/"Văn" weigh more for older generations.
 */
export class NamePicker {
  private readonly surnames: WeightedTable<string>;
  private readonly middle: Record<string, WeightedTable<string>>;
  readonly source: NameData['source'];

  constructor(private readonly data: NameData) {
    this.source = data.source;
    this.surnames = new WeightedTable(data.surnames);
    this.middle = {};
    for (const sex of ['male', 'female'] as const) {
      for (const generation of [0, 1, 2]) {
        const entries = data.middleNames.flatMap(([name, count]): [string, number][] => {
          const gender = middleNameGender(name);
          if (gender !== 'shared' && gender !== sex) return [];
          let w = gender === 'female' ? count * 1.5 : count;
          const tokens = name.split(' ');
          if (tokens.includes('Thị') || tokens.includes('Văn')) w *= CLASSIC_WEIGHT[generation];
          return [[name, w]];
        });
        this.middle[`${sex}:${generation}`] = new WeightedTable(entries);
      }
    }
  }

  surname(rng: Random): string {
    return this.surnames.draw(rng);
  }

  middleName(rng: Random, sex: Sex, birthYear: number): string {
    return this.middle[`${sex}:${generationOf(birthYear)}`].draw(rng);
  }

  givenName(rng: Random, sex: Sex): string {
    return rng.pick(this.data.givenNames[sex]);
  }
}
