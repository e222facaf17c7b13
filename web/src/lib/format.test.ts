import { describe, expect, it } from 'vitest';
import { foldDiacritics, formatDate, formatDateTime, formatPersonalId } from './format.js';

describe('formatPersonalId', () => {
  it('groups a 12-digit personal ID number by three', () => {
    expect(formatPersonalId('001203004567')).toBe('001 203 004 567');
    expect(formatPersonalId('079 1990 12345')).toBe('079 199 012 345');
  });

  it('leaves anything that is not 12 digits as it is', () => {
    expect(formatPersonalId('12345')).toBe('12345');
    expect(formatPersonalId('00120300456A')).toBe('00120300456A');
    expect(formatPersonalId('0012030045678')).toBe('0012030045678');
  });

  it('shows a dash when there is no number', () => {
    expect(formatPersonalId(null)).toBe('—');
    expect(formatPersonalId('')).toBe('—');
  });
});

describe('formatDate', () => {
  it('shows dates day first', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2025-09-02T08:30:00')).toBe('02/09/2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('shows the time in Vietnam, day first and 24-hour, whatever the time zone of the browser', () => {
    expect(formatDateTime('2025-09-01T17:05:09.000Z')).toBe('02/09/2025 00:05:09');
    expect(formatDateTime('2025-12-31T13:30:00Z')).toBe('31/12/2025 20:30:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });
});

describe('foldDiacritics', () => {
  it('lets “ha noi” match “Hà Nội” and “dong da” match “Đống Đa”', () => {
    expect(foldDiacritics('Thành phố Hà Nội')).toContain('ha noi');
    expect(foldDiacritics('Phường Đống Đa')).toBe('phuong dong da');
  });
});
