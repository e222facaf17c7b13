import dayjs from 'dayjs';

/** Dates are always shown day first: 02/09/2025. Empty or invalid input gives an em dash. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format(DATE_FORMAT) : '—';
}

/** Official time of Vietnam (UTC+7), used for every time of day shown, wherever the browser is. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

let dateTimeParts: Intl.DateTimeFormat | undefined;

/** Date and time in Vietnam, day first, 24-hour: 02/09/2025 08:30:05. Empty or invalid input gives an em dash. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  dateTimeParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of dateTimeParts.formatToParts(date)) part[p.type] = p.value;
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
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
