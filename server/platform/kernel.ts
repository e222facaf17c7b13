import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadCalendar } from './calendar/index.js';
import type { CalendarHolder } from './calendar/routes.js';
import type { Database, Db } from './db/database.js';
import { createDocumentSigner, type DocumentSigner } from './documents/index.js';
import type { Env } from './env.js';
import { type BlobStore, diskBlobStore, s3BlobStore, s3ConfigFromEnv } from './files/index.js';
import type { BearerVerifier } from './http/route-auth.js';
import { bearerVerifier } from './identity/agency-clients.js';
import type { LoginPolicy } from './identity/login-service.js';
import { JobWorker, logAdapter, notificationHandler, smtpAdapter } from './jobs/index.js';
import { loadUnitDirectory, type UnitDirectory } from './units/index.js';

/**
 * What every module receives: configuration and the kernel's services.
 * Modules never read process.env or open their own connections.
 */
export interface ModulePlugin {
  name: string;
  prefix: string;
  register(app: FastifyInstance, kernel: Kernel): Promise<void>;
}

export interface Kernel {
  env: Env;
  database: Database;
  db: Db;
  units: UnitDirectory;
  /** The working-day calendar (built-in decisions + administrators' overrides), reloaded on change. */
  calendar: CalendarHolder;
  blobs: BlobStore;
  /** Signs issued documents (PAdES) with the configured or generated key. */
  signer: DocumentSigner;
  worker: JobWorker;
  loginPolicy: LoginPolicy;
  bearer?: BearerVerifier;
  /** Extra origins the browser may post forms to (the OIDC issuer). */
  formActions: string[];
  plugins: ModulePlugin[];
  log: {
    info: (o: object, m?: string) => void;
    warn: (o: object, m?: string) => void;
    error: (o: object, m?: string) => void;
    debug: (o: object, m?: string) => void;
  };
}

export async function createKernel(env: Env, database: Database, log: Kernel['log']): Promise<Kernel> {
  const units = await loadUnitDirectory(database.db);
  let current = await loadCalendar(database.db);
  const calendar: CalendarHolder = {
    get: () => current,
    reload: async () => {
      current = await loadCalendar(database.db);
    },
  };
  const worker = new JobWorker(database.db, log);
  const adapter = env.SMTP_URL ? smtpAdapter(env.SMTP_URL, env.SMTP_FROM) : logAdapter(log);
  worker.on('notify', notificationHandler(adapter));
  return {
    env,
    database,
    db: database.db,
    units,
    calendar,
    signer: await createDocumentSigner({
      dataDir: env.dataDir,
      p12Path: env.SIGNING_P12_PATH,
      p12Password: env.SIGNING_P12_PASSWORD,
      publicUrl: env.publicUrl,
    }),
    blobs:
      env.FILE_STORE === 's3'
        ? s3BlobStore(s3ConfigFromEnv(env))
        : diskBlobStore(path.join(env.dataDir, 'files')),
    worker,
    loginPolicy: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      sessionTtlMinutes: env.SESSION_TTL_MINUTES,
    },
    bearer: bearerVerifier(database.db, env.publicUrl),
    formActions: [],
    plugins: [],
    log,
  };
}
