import { describe, expect, it } from 'vitest';
import { DEV_CITIZENS } from './dev-citizens.js';
import { isProviderUrl } from './dev-idp.js';
import { safeReturnTo } from './login-requests.js';
import { PERSONAL_ID_PROVINCES, parsePersonalId } from './personal-id.js';
import { citizenIdentity } from './relying-party.js';

describe('personal identification number structure', () => {
  it('has the 63 province codes, 3 digits each, unique names', () => {
    const codes = Object.keys(PERSONAL_ID_PROVINCES);
    expect(codes).toHaveLength(63);
    for (const c of codes) expect(c).toMatch(/^0\d{2}$/);
    expect(new Set(Object.values(PERSONAL_ID_PROVINCES)).size).toBe(63);
  });

  it('reads province, century/sex and year', () => {
    expect(parsePersonalId('024090001234')).toMatchObject({
      provinceCode: '024',
      provinceName: 'Bắc Giang',
      sex: 'male',
      birthYear: 1990,
    });
    expect(parsePersonalId('001185004567')).toMatchObject({
      provinceName: 'Hà Nội',
      sex: 'female',
      birthYear: 1985,
    });
    expect(parsePersonalId('079201009876')).toMatchObject({
      provinceName: 'Hồ Chí Minh',
      sex: 'male',
      birthYear: 2001,
    });
    expect(parsePersonalId('003090001234')).toBeNull(); // 003 is no province code
    expect(parsePersonalId('02409000123')).toBeNull();
  });

  it('every demo citizen agrees with the structure, birth date and sex', () => {
    expect(DEV_CITIZENS.length).toBeGreaterThanOrEqual(3);
    for (const c of DEV_CITIZENS) {
      const parts = parsePersonalId(c.personalId);
      expect(parts, c.personalId).not.toBeNull();
      expect(parts!.birthYear).toBe(Number(c.birthdate.slice(0, 4)));
      expect(parts!.sex).toBe(c.gender);
      expect(c.sub).not.toContain(c.personalId);
    }
    expect(new Set(DEV_CITIZENS.map((c) => c.sub)).size).toBe(DEV_CITIZENS.length);
  });
});

describe('return path after sign-in', () => {
  it('keeps relative paths of this site', () => {
    expect(safeReturnTo(undefined, '/cong-dan')).toBe('/cong-dan');
    expect(safeReturnTo('/cong-dan/ho-so?tab=2#a', '/x')).toBe('/cong-dan/ho-so?tab=2#a');
  });

  it('refuses other origins, tricks and API paths', () => {
    for (const v of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\tevil',
      'cong-dan',
      '/api/auth/me',
      '/oidc/auth',
    ]) {
      expect(safeReturnTo(v, '/cong-dan'), v).toBeNull();
    }
  });
});

describe('claims to a citizen identity', () => {
  it('needs a subject, a name and a 12-digit personal ID', () => {
    expect(citizenIdentity({ sub: 's1', name: 'NGUYỄN VĂN AN', personal_id: '024090001234' })).toEqual({
      subject: 's1',
      name: 'NGUYỄN VĂN AN',
      personalId: '024090001234',
    });
    expect(
      citizenIdentity({ sub: 's1', family_name: 'Trần', given_name: 'Bình', personal_id: '001185004567' })
        ?.name,
    ).toBe('Trần Bình');
    expect(citizenIdentity({ sub: 's1', name: 'A' })).toBeNull();
    expect(citizenIdentity({ sub: 's1', name: 'A', personal_id: '12345' })).toBeNull();
    expect(citizenIdentity({ name: 'A', personal_id: '024090001234' })).toBeNull();
  });
});

describe('development provider URLs', () => {
  it('hands /oidc to the provider except the interaction pages', () => {
    expect(isProviderUrl('/oidc/.well-known/openid-configuration')).toBe(true);
    expect(isProviderUrl('/oidc/auth?client_id=x')).toBe(true);
    expect(isProviderUrl('/oidc')).toBe(true);
    expect(isProviderUrl('/oidc/interaction/abc')).toBe(false);
    expect(isProviderUrl('/oidcx')).toBe(false);
    expect(isProviderUrl('/api/auth/citizen/login')).toBe(false);
  });
});
