import { AppError, t } from '../errors/app-error.js';
import { type DbOrTx, sql } from '../db/database.js';

/**
 * Gapless register numbers per (book type, registry unit, year).
 * The counter row is incremented inside the registering transaction and stays locked
 * until it commits: a rollback or a crash gives the number back, and two
 * registrations can never receive the same number.
 */
export interface RegisterKey {
  bookType: string;
  unitId: string;
  year: number;
}

export async function nextRegisterNumber(tx: DbOrTx, key: RegisterKey): Promise<number> {
  if (!tx.isTransaction) {
    throw new AppError(
      'INTERNAL',
      t(
        'Số đăng ký phải được cấp trong giao dịch đăng ký',
        'Register numbers must be taken inside the registering transaction',
      ),
    );
  }
  if (!Number.isInteger(key.year) || key.year < 1900 || key.year > 2999) {
    throw new AppError(
      'VALIDATION',
      t(`Năm đăng ký không hợp lệ: ${key.year}`, `Invalid register year: ${key.year}`),
    );
  }
  const r = await sql<{ last_number: number }>`
    insert into platform.register_counters (book_type, unit_id, year, last_number)
    values (${key.bookType}, ${key.unitId}, ${key.year}, 1)
    on conflict (book_type, unit_id, year)
    do update set last_number = platform.register_counters.last_number + 1
    returning last_number`.execute(tx);
  return r.rows[0].last_number;
}

/** The last number given so far (0 when none), for reports. */
export async function lastRegisterNumber(db: DbOrTx, key: RegisterKey): Promise<number> {
  const r = await sql<{ last_number: number }>`
    select last_number from platform.register_counters
    where book_type = ${key.bookType} and unit_id = ${key.unitId} and year = ${key.year}`.execute(db);
  return r.rows[0]?.last_number ?? 0;
}

/** Entry numbers are written with at least two digits ("01", "02", … "100"). */
export const formatEntryNumber = (n: number) => String(n).padStart(2, '0');
