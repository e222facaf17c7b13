import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents one PGlite instance as a pg-style pool with a single connection,
 * so Kysely's PostgresDialect drives both engines the same way.
 * A connection is held exclusively until released; others queue.
 */
interface QueryResultLike {
  rows: unknown[];
  command?: string;
  rowCount?: number;
}

export class PgliteMutexPool {
  private queue: Array<() => void> = [];
  private busy = false;

  constructor(
    readonly pg: PGlite,
    private readonly acquireTimeoutMs = 30_000,
  ) {}

  async connect() {
    await this.acquire();
    let released = false;
    return {
      query: async (sql: string, params?: readonly unknown[]): Promise<QueryResultLike> => {
        if (!params || params.length === 0) {
          // Simple query protocol: allows several statements (migrations), like pg does.
          const results = await this.pg.exec(sql, { rowMode: 'object' });
          const last = results[results.length - 1];
          const rows = last?.rows ?? [];
          return { rows, rowCount: last?.affectedRows ?? rows.length, command: inferCommand(sql) };
        }
        const res = await this.pg.query(sql, params as unknown[], { rowMode: 'object' });
        return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length, command: inferCommand(sql) };
      },
      release: () => {
        if (released) return;
        released = true;
        this.releaseLock();
      },
    };
  }

  async end() {
    await this.pg.close();
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.queue = this.queue.filter((w) => w !== waiter);
        reject(
          new Error('Embedded database busy: a connection was not released (query outside its transaction?)'),
        );
      }, this.acquireTimeoutMs);
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      this.queue.push(waiter);
    });
  }

  private releaseLock() {
    const next = this.queue.shift();
    if (next) next();
    else this.busy = false;
  }
}

function inferCommand(sql: string): string {
  const m = /^\s*(\w+)/.exec(sql);
  return m ? m[1].toUpperCase() : '';
}
