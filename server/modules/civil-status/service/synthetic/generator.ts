/**
 * Seeded, deterministic generator of synthetic Vietnamese people and families, with their
 * civil-status events (khai sinh, kết hôn, khai tử). Test data only: every person is invented.
 *
 * Consistency rules: spouses are of marriageable age on the marriage date (Luật HN&GĐ 2014 Đ8:
 * man from 20, woman from 18); both parents are 18–45 years older than each child; the first
 * child is born at most four months before the marriage; nobody dies before being born, and a
 * parent dies only after the marriage and the last child's birth; nothing happens after `asOf`.
 */
import type { UnitRecord } from '../../../../platform/units/index.js';
import { buildPersonalId, type Sex } from '../personal-id.js';
import { ID_PROVINCE_TABLES } from '../provinces.js';
import { addYears, ageOn, toDay, toIso } from './dates.js';
import { DEFAULT_NAMES_DIR, loadNameData, type NameData, NamePicker } from './names.js';
import { demoPlaces, ETHNICITY_WEIGHTS, type PlaceUnit, placesFromUnits } from './places.js';
import { hashSeed, Random, WeightedTable } from './random.js';

export interface SyntheticPerson {
  id: string;
  personalId: string;
  surname: string;
  middleName: string;
  givenName: string;
  /** NFC, "Họ Chữ-đệm Tên". */
  fullName: string;
  sex: Sex;
  birthDate: string;
  birthPlace: { unitId: string; label: string };
  /** Quê quán: the father's for a child (Luật Hộ tịch Đ4.8). */
  hometown: { unitId: string; label: string };
  ethnicity: string;
  nationality: 'Việt Nam';
  deathDate: string | null;
  fatherId: string | null;
  motherId: string | null;
}

export type EventKind = 'birth' | 'marriage' | 'death';

export interface SyntheticEvent {
  id: string;
  kind: EventKind;
  /** When the event happened (for a marriage, the registration date, Luật HN&GĐ Đ9). */
  date: string;
  /** When it was registered (within the filing duty: birth 60 days, death 15 days). */
  registeredOn: string;
  unitId: string;
  personIds: string[];
}

export interface SyntheticFamily {
  id: string;
  husband: SyntheticPerson;
  wife: SyntheticPerson;
  marriageDate: string;
  residence: { unitId: string; label: string };
  children: SyntheticPerson[];
  events: SyntheticEvent[];
}

export interface GeneratorOptions {
  seed: number | string;
  /** Units to draw places from (communes are used); default: the demo communes of Bắc Ninh. */
  units?: readonly UnitRecord[];
  /** Folder of the name files; null forces the built-in lists. */
  namesDir?: string | null;
  /** Name data already loaded (wins over namesDir). */
  names?: NameData;
  /** Nothing happens after this day; default 2026-01-01 (fixed so output does not depend on today). */
  asOf?: string;
  /** Earliest marriage date; default 1955-01-01. */
  earliestMarriage?: string;
}

export interface SyntheticGenerator {
  readonly namesSource: NameData['source'];
  readonly asOf: string;
  nextFamily(): SyntheticFamily;
  nextPerson(): SyntheticPerson;
  generateFamilies(n: number): SyntheticFamily[];
  generatePeople(n: number): SyntheticPerson[];
  /** Streams n families one at a time, without holding them. */
  families(n: number): Generator<SyntheticFamily>;
  people(n: number): Generator<SyntheticPerson>;
  /** Streams n families in chunks, yielding to the event loop between chunks. */
  familyChunks(n: number, chunkSize?: number): AsyncGenerator<SyntheticFamily[]>;
}

const CHILD_COUNTS = new WeightedTable<number>([
  [0, 8],
  [1, 22],
  [2, 45],
  [3, 17],
  [4, 6],
  [5, 2],
]);
const ETHNICITIES = new WeightedTable(ETHNICITY_WEIGHTS);
/** Multiplier coprime with 10^6, so serials of one bucket are a permutation of 000000–999999. */
const SERIAL_STEP = 738_961;
const ID_CODES = Object.keys(ID_PROVINCE_TABLES[0].codes);

export function createGenerator(options: GeneratorOptions): SyntheticGenerator {
  const seed = String(options.seed);
  const rng = new Random(seed);
  const names = new NamePicker(
    options.names ?? loadNameData(options.namesDir === undefined ? DEFAULT_NAMES_DIR : options.namesDir),
  );
  const places: PlaceUnit[] = options.units ? placesFromUnits(options.units) : demoPlaces();
  if (places.length === 0) throw new Error('createGenerator: the units contain no commune');
  const asOf = options.asOf ?? '2026-01-01';
  const asOfDay = toDay(asOf);
  const earliestMarriageDay = toDay(options.earliestMarriage ?? '1955-01-01');
  const serials = new Map<string, number>();
  let personSeq = 0;
  let familySeq = 0;
  let eventSeq = 0;

  const placeRef = (p: PlaceUnit) => ({ unitId: p.id, label: p.label });

  function personalIdFor(place: PlaceUnit, sex: Sex, birthDate: string): string {
    const provinceCode = place.idProvinceCode ?? ID_CODES[hashSeed(place.id) % ID_CODES.length];
    const birthYear = Number(birthDate.slice(0, 4));
    const bucket = `${provinceCode}${sex}${birthYear}`;
    const count = serials.get(bucket) ?? 0;
    serials.set(bucket, count + 1);
    const serial = (hashSeed(`${seed}:${bucket}`) + count * SERIAL_STEP) % 1_000_000;
    return buildPersonalId({ provinceCode, sex, birthYear, serial });
  }

  interface PersonSeed {
    sex: Sex;
    birthDay: number;
    surname?: string;
    birthPlace?: PlaceUnit;
    hometown?: PlaceUnit;
    ethnicity?: string;
    fatherId?: string | null;
    motherId?: string | null;
  }

  function makePerson(s: PersonSeed): SyntheticPerson {
    const birthDate = toIso(s.birthDay);
    const year = Number(birthDate.slice(0, 4));
    const surname = s.surname ?? names.surname(rng);
    const middleName = names.middleName(rng, s.sex, year);
    const givenName = names.givenName(rng, s.sex);
    const birthPlace = s.birthPlace ?? rng.pick(places);
    const hometown = s.hometown ?? rng.pick(places);
    personSeq += 1;
    return {
      id: `P${personSeq}`,
      personalId: personalIdFor(birthPlace, s.sex, birthDate),
      surname,
      middleName,
      givenName,
      fullName: `${surname} ${middleName} ${givenName}`.normalize('NFC'),
      sex: s.sex,
      birthDate,
      birthPlace: placeRef(birthPlace),
      hometown: placeRef(hometown),
      ethnicity: s.ethnicity ?? ETHNICITIES.draw(rng),
      nationality: 'Việt Nam',
      deathDate: null,
      fatherId: s.fatherId ?? null,
      motherId: s.motherId ?? null,
    };
  }

  /** A birth day such that the person is exactly `age` on `day`. */
  const birthDayForAge = (day: number, age: number): number =>
    toDay(addYears(toIso(day), -age)) - rng.int(0, 364);

  /** Maybe a death between `fromDay` and asOf; older people are more likely to have died. */
  function maybeDeath(p: SyntheticPerson, fromDay: number): number | null {
    const birthDay = toDay(p.birthDate);
    const age = ageOn(p.birthDate, asOf);
    let earliest = Math.max(fromDay, birthDay + 1);
    if (age >= 50 && rng.chance(Math.min(0.85, ((age - 50) / 40) ** 2))) {
      earliest = Math.max(earliest, toDay(addYears(p.birthDate, 50)));
    } else if (!rng.chance(0.01)) {
      return null;
    }
    if (earliest > asOfDay) return null;
    return rng.int(earliest, asOfDay);
  }

  function event(
    kind: EventKind,
    day: number,
    lagMax: number,
    unitId: string,
    ids: string[],
  ): SyntheticEvent {
    eventSeq += 1;
    const registered = Math.min(asOfDay, day + (lagMax > 0 ? rng.int(0, lagMax) : 0));
    return {
      id: `E${eventSeq}`,
      kind,
      date: toIso(day),
      registeredOn: toIso(registered),
      unitId,
      personIds: ids,
    };
  }

  function nextFamily(): SyntheticFamily {
    familySeq += 1;
    const residence = rng.pick(places);
    const marriageDay = rng.int(earliestMarriageDay, asOfDay - 30);
    const husbandBirth = birthDayForAge(marriageDay, rng.int(20, 34));
    const wifeBirth = birthDayForAge(marriageDay, rng.int(18, 30));
    const husband = makePerson({ sex: 'male', birthDay: husbandBirth });
    const wifeEthnicity = rng.chance(0.9) ? husband.ethnicity : undefined;
    const wife = makePerson({ sex: 'female', birthDay: wifeBirth, ethnicity: wifeEthnicity });

    const children: SyntheticPerson[] = [];
    const wanted = CHILD_COUNTS.draw(rng);
    let day = rng.chance(0.1) ? marriageDay - rng.int(1, 120) : marriageDay + rng.int(280, 1100);
    for (let i = 0; i < wanted; i++) {
      const minDay = Math.max(toDay(addYears(wife.birthDate, 18)), toDay(addYears(husband.birthDate, 18)));
      day = Math.max(day, minDay);
      const iso = toIso(day);
      if (day > asOfDay || ageOn(wife.birthDate, iso) > 44 || ageOn(husband.birthDate, iso) > 45) break;
      const sex: Sex = rng.chance(0.53) ? 'male' : 'female';
      children.push(
        makePerson({
          sex,
          birthDay: day,
          surname: husband.surname,
          birthPlace: rng.chance(0.85) ? residence : undefined,
          hometown: places.find((p) => p.id === husband.hometown.unitId),
          ethnicity: rng.chance(0.9) ? husband.ethnicity : wife.ethnicity,
          fatherId: husband.id,
          motherId: wife.id,
        }),
      );
      day += rng.int(450, 2500);
    }

    const lastBirth = children.length > 0 ? toDay(children[children.length - 1].birthDate) : marriageDay;
    const afterFamily = Math.max(marriageDay, lastBirth) + 1;
    const everyone = [husband, wife, ...children];
    const events: SyntheticEvent[] = everyone.map((p) =>
      event('birth', toDay(p.birthDate), 60, p.birthPlace.unitId, [p.id]),
    );
    events.push(event('marriage', marriageDay, 0, residence.id, [husband.id, wife.id]));
    for (const p of everyone) {
      const death = maybeDeath(p, p === husband || p === wife ? afterFamily : toDay(p.birthDate) + 1);
      if (death !== null) {
        p.deathDate = toIso(death);
        events.push(event('death', death, 15, residence.id, [p.id]));
      }
    }
    return {
      id: `F${familySeq}`,
      husband,
      wife,
      marriageDate: toIso(marriageDay),
      residence: placeRef(residence),
      children,
      events,
    };
  }

  function nextPerson(): SyntheticPerson {
    const birthDay = rng.int(toDay('1930-01-01'), asOfDay);
    const p = makePerson({ sex: rng.chance(0.51) ? 'male' : 'female', birthDay });
    const death = maybeDeath(p, birthDay + 1);
    if (death !== null) p.deathDate = toIso(death);
    return p;
  }

  function* families(n: number): Generator<SyntheticFamily> {
    for (let i = 0; i < n; i++) yield nextFamily();
  }

  function* people(n: number): Generator<SyntheticPerson> {
    for (let i = 0; i < n; i++) yield nextPerson();
  }

  async function* familyChunks(n: number, chunkSize = 1000): AsyncGenerator<SyntheticFamily[]> {
    for (let done = 0; done < n; done += chunkSize) {
      const size = Math.min(chunkSize, n - done);
      const chunk: SyntheticFamily[] = new Array(size);
      for (let i = 0; i < size; i++) chunk[i] = nextFamily();
      yield chunk;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  return {
    namesSource: names.source,
    asOf,
    nextFamily,
    nextPerson,
    generateFamilies: (n) => Array.from(families(n)),
    generatePeople: (n) => Array.from(people(n)),
    families,
    people,
    familyChunks,
  };
}
