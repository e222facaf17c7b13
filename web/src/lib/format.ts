import dayjs from 'dayjs';

/** Dates are always shown day first: 02/09/2025. Empty or invalid input gives an em dash. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format(DATE_FORMAT) : '—';
}

/** A 12-digit personal ID number in four groups of three: 001 203 004 567. Anything else is returned as is. */
export function formatPersonalId(value: string | null | undefined): string {
  if (!value) return '—';
  const digits = value.replace(/\s+/g, '');
  return /^\d{12}$/.test(digits) ? (digits.match(/\d{3}/g) as string[]).join(' ') : value;
}

/** Lower case without Vietnamese diacritics, for search that accepts “ha noi” for “Hà Nội”. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
