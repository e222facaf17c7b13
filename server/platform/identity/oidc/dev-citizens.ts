import { createHash } from 'node:crypto';

/**
 * The demo citizens of the development identity provider. They are invented people: names
 * are common Vietnamese names, numbers follow the structure of a số định danh cá nhân
 * (province of birth registration, century/sex digit, year of birth, 6 random digits) and
 * agree with the birth date and sex given here. Names are written in capitals, as on the
 * căn cước card and in VNeID.
 */
export interface DevCitizen {
  /** The subject identifier: opaque and stable, never the personal ID itself. */
  sub: string;
  name: string;
  personalId: string;
  /** YYYY-MM-DD */
  birthdate: string;
  gender: 'male' | 'female';
  phoneNumber?: string;
}

const subjectOf = (personalId: string) =>
  createHash('sha256').update(`tuphap-dev-idp:${personalId}`).digest('base64url').slice(0, 24);

const citizens: Array<Omit<DevCitizen, 'sub'>> = [
  {
    name: 'NGUYỄN VĂN AN',
    personalId: '024090001234',
    birthdate: '1990-05-14',
    gender: 'male',
    phoneNumber: '+84912000001',
  },
  { name: 'TRẦN THỊ BÌNH', personalId: '001185004567', birthdate: '1985-11-02', gender: 'female' },
  {
    name: 'LÊ HOÀNG CƯỜNG',
    personalId: '079201009876',
    birthdate: '2001-08-23',
    gender: 'male',
    phoneNumber: '+84983000002',
  },
  { name: 'PHẠM THỊ DUNG', personalId: '027305001357', birthdate: '2005-01-30', gender: 'female' },
];

export const DEV_CITIZENS: readonly DevCitizen[] = citizens.map((c) => ({
  ...c,
  sub: subjectOf(c.personalId),
}));

export const findDevCitizen = (sub: string) => DEV_CITIZENS.find((c) => c.sub === sub);

/** The claims the development provider releases for a citizen (filtered by granted scope by the provider). */
export function devCitizenClaims(c: DevCitizen): Record<string, string | boolean> {
  return {
    sub: c.sub,
    name: c.name,
    personal_id: c.personalId,
    birthdate: c.birthdate,
    gender: c.gender,
    ...(c.phoneNumber ? { phone_number: c.phoneNumber, phone_number_verified: true } : {}),
  };
}

export const GENDER_LABELS: Record<DevCitizen['gender'], string> = { male: 'Nam', female: 'Nữ' };
