import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIdAgainst, parsePersonalId } from '../personal-id.js';
import { ageOn } from './dates.js';
import { createGenerator, type SyntheticFamily, type SyntheticPerson } from './generator.js';
import { DEFAULT_NAMES_DIR, loadNameData, middleNameGender } from './names.js';
import { demoPlaces } from './places.js';

const VIETNAMESE_NAME = /^[A-ZÀ-ỸĐ][a-zà-ỹđ]*( [A-ZÀ-ỸĐ][a-zà-ỹđ]*)+$/u;
const membersOf = (f: SyntheticFamily): SyntheticPerson[] => [f.husband, f.wife, ...f.children];

describe('createGenerator — determinism', () => {
  it('the same seed gives the same output, a different seed a different one', () => {
    const a = createGenerator({ seed: 42 }).generateFamilies(200);
    const b = createGenerator({ seed: 42 }).generateFamilies(200);
    const c = createGenerator({ seed: 43 }).generateFamilies(200);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(createGenerator({ seed: 'x' }).generatePeople(50)).toEqual(
      createGenerator({ seed: 'x' }).generatePeople(50),
    );
  });

  it('streaming (one by one or in chunks) gives the same families as the array', async () => {
    const all = createGenerator({ seed: 7 }).generateFamilies(250);
    const streamed = [...createGenerator({ seed: 7 }).families(250)];
    const chunked: SyntheticFamily[] = [];
    const sizes: number[] = [];
    for await (const chunk of createGenerator({ seed: 7 }).familyChunks(250, 100)) {
      sizes.push(chunk.length);
      chunked.push(...chunk);
    }
    expect(streamed).toEqual(all);
    expect(chunked).toEqual(all);
    expect(sizes).toEqual([100, 100, 50]);
  });
});

describe('createGenerator — family consistency over 10,000 families', () => {
  const gen = createGenerator({ seed: 2026 });
  const families = gen.generateFamilies(10_000);
  const asOf = gen.asOf;

  it('spouses are of marriageable age on the marriage date (Luật HN&GĐ 2014 Đ8.1a: man 20, woman 18)', () => {
    for (const f of families) {
      expect(ageOn(f.husband.birthDate, f.marriageDate)).toBeGreaterThanOrEqual(20);
      expect(ageOn(f.wife.birthDate, f.marriageDate)).toBeGreaterThanOrEqual(18);
      expect(f.husband.sex).toBe('male');
      expect(f.wife.sex).toBe('female');
    }
  });

  it('both parents are 18–45 years older than each child; the first birth is at most 4 months before the marriage', () => {
    for (const f of families) {
      for (const c of f.children) {
        for (const parent of [f.husband, f.wife]) {
          const gap = ageOn(parent.birthDate, c.birthDate);
          expect(gap).toBeGreaterThanOrEqual(18);
          expect(gap).toBeLessThanOrEqual(45);
        }
        expect(c.fatherId).toBe(f.husband.id);
        expect(c.motherId).toBe(f.wife.id);
        expect(c.surname).toBe(f.husband.surname);
        expect(c.hometown).toEqual(f.husband.hometown);
        const daysBefore = (Date.parse(f.marriageDate) - Date.parse(c.birthDate)) / 86_400_000;
        expect(daysBefore).toBeLessThanOrEqual(120);
      }
    }
  });

  it('deaths come after births, parents die after the marriage and their last child, nothing after asOf', () => {
    for (const f of families) {
      const lastBirth =
        f.children
          .map((c) => c.birthDate)
          .sort()
          .at(-1) ?? f.marriageDate;
      for (const p of membersOf(f)) {
        expect(p.birthDate <= asOf).toBe(true);
        if (p.deathDate === null) continue;
        expect(p.deathDate > p.birthDate).toBe(true);
        expect(p.deathDate <= asOf).toBe(true);
        if (p === f.husband || p === f.wife) {
          expect(p.deathDate > f.marriageDate).toBe(true);
          expect(p.deathDate > lastBirth).toBe(true);
        }
      }
    }
  });

  it('events match the people: one birth each, one marriage, a death for each deceased, registered in time', () => {
    for (const f of families) {
      const members = membersOf(f);
      const byKind = (k: string) => f.events.filter((e) => e.kind === k);
      expect(byKind('birth').map((e) => e.personIds[0])).toEqual(members.map((p) => p.id));
      for (const e of byKind('birth')) {
        expect(e.date).toBe(members.find((p) => p.id === e.personIds[0])!.birthDate);
      }
      expect(byKind('marriage')).toHaveLength(1);
      expect(byKind('marriage')[0]).toMatchObject({
        date: f.marriageDate,
        personIds: [f.husband.id, f.wife.id],
      });
      expect(
        byKind('death')
          .map((e) => e.personIds[0])
          .sort(),
      ).toEqual(
        members
          .filter((p) => p.deathDate)
          .map((p) => p.id)
          .sort(),
      );
      for (const e of f.events) {
        expect(e.registeredOn >= e.date && e.registeredOn <= asOf).toBe(true);
        const lag = (Date.parse(e.registeredOn) - Date.parse(e.date)) / 86_400_000;
        // Filing duties: birth 60 days (Luật Hộ tịch Đ15), death 15 days (Đ33).
        expect(lag).toBeLessThanOrEqual(e.kind === 'birth' ? 60 : e.kind === 'death' ? 15 : 0);
      }
    }
  });

  it('every personal ID conforms, agrees with sex, birth year and birth province, and is unique', () => {
    const places = new Map(demoPlaces().map((p) => [p.id, p]));
    const seen = new Set<string>();
    for (const p of families.flatMap(membersOf)) {
      const parsed = parsePersonalId(p.personalId, { today: asOf });
      expect(parsed.conforms).toBe(true);
      const provinceCode = places.get(p.birthPlace.unitId)!.idProvinceCode!;
      expect(checkIdAgainst(p.personalId, { sex: p.sex, birthDate: p.birthDate, provinceCode })).toEqual([]);
      expect(seen.has(p.personalId)).toBe(false);
      seen.add(p.personalId);
    }
  });

  it('names are NFC, title case, with a middle name matching the sex', () => {
    for (const p of families.flatMap(membersOf)) {
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      expect(p.fullName).toMatch(VIETNAMESE_NAME);
      expect(p.fullName).toBe(`${p.surname} ${p.middleName} ${p.givenName}`);
      expect(['shared', p.sex]).toContain(middleNameGender(p.middleName));
    }
  });

  it('most people are Kinh and born in the given communes', () => {
    const people = families.flatMap(membersOf);
    const kinh = people.filter((p) => p.ethnicity === 'Kinh').length / people.length;
    expect(kinh).toBeGreaterThan(0.8);
    expect(kinh).toBeLessThan(0.95);
    const ids = new Set(demoPlaces().map((p) => p.id));
    expect(people.every((p) => ids.has(p.birthPlace.unitId) && ids.has(p.hometown.unitId))).toBe(true);
  });
});

describe('createGenerator — names against the frequency file', () => {
  const hasFiles = fs.existsSync(path.join(DEFAULT_NAMES_DIR, 'surnames_freq.csv'));
  const data = loadNameData();
  const people = createGenerator({ seed: 1 }).generatePeople(50_000);

  it('reads the shared name files when they are present', () => {
    expect(data.source).toBe(hasFiles ? 'files' : 'built-in');
  });

  it('surname shares follow the file (Nguyễn first, within 1.5 points)', () => {
    const total = data.surnames.reduce((s, [, n]) => s + n, 0);
    const counts = new Map<string, number>();
    for (const p of people) counts.set(p.surname, (counts.get(p.surname) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe('Nguyễn');
    for (const [name, n] of data.surnames.slice(0, 5)) {
      expect(Math.abs((counts.get(name) ?? 0) / people.length - n / total)).toBeLessThan(0.015);
    }
  });

  it('given names come from the list of the person’s sex', () => {
    for (const p of people.slice(0, 5000)) expect(data.givenNames[p.sex]).toContain(p.givenName);
  });
});

describe('createGenerator — without the shared folder', () => {
  it('falls back to the built-in name lists and still produces valid people', () => {
    const gen = createGenerator({ seed: 3, namesDir: path.join(DEFAULT_NAMES_DIR, 'missing') });
    expect(gen.namesSource).toBe('built-in');
    const people = gen.generatePeople(500);
    expect(people.every((p) => VIETNAMESE_NAME.test(p.fullName))).toBe(true);
    expect(createGenerator({ seed: 3, namesDir: null }).generatePeople(500)).toEqual(people);
  });

  it('rejects a unit list without communes', () => {
    expect(() => createGenerator({ seed: 1, units: [] })).toThrow(/commune/);
  });
});
