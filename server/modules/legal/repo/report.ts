import { type DbOrTx, sql } from '../../../platform/db/database.js';
import type { ParseProblem } from '../service/types.js';

export interface LegalCounts {
  /** Đề mục files imported (empty ones included). */
  files: number;
  deMuc: number;
  structureNodes: number;
  /** pDieu blocks seen in the imported files, repeats included. */
  articleBlocks: number;
  articles: number;
  sourceDocuments: number;
  refs: number;
  refsResolved: number;
  amendments: number;
  articlesWithAmendmentNotes: number;
}

export async function legalCounts(db: DbOrTx): Promise<LegalCounts> {
  const r = await sql<Record<string, string>>`
    select
      (select count(*) from legal.import_files) as files,
      (select coalesce(sum(article_blocks), 0) from legal.import_files) as article_blocks,
      (select count(*) from legal.de_muc) as de_muc,
      (select count(*) from legal.structure_nodes) as structure_nodes,
      (select count(*) from legal.articles) as articles,
      (select count(*) from legal.articles where amendment_notes <> '') as with_notes,
      (select count(*) from legal.source_documents) as documents,
      (select count(*) from legal.article_refs) as refs,
      (select count(*) from legal.article_refs where resolved) as refs_resolved,
      (select count(*) from legal.amendments) as amendments`.execute(db);
  const row = r.rows[0];
  return {
    files: Number(row.files),
    deMuc: Number(row.de_muc),
    structureNodes: Number(row.structure_nodes),
    articleBlocks: Number(row.article_blocks),
    articles: Number(row.articles),
    sourceDocuments: Number(row.documents),
    refs: Number(row.refs),
    refsResolved: Number(row.refs_resolved),
    amendments: Number(row.amendments),
    articlesWithAmendmentNotes: Number(row.with_notes),
  };
}

/** One digest over the content of every legal table (import bookkeeping excluded). */
export async function legalChecksum(db: DbOrTx): Promise<string> {
  const r = await sql<{ sum: string }>`
    select md5(string_agg(h, '' order by t)) as sum from (
      select 1 as t, coalesce(md5(string_agg(md5(x::text), '' order by x.number)), '') as h from legal.chu_de x
      union all select 2, coalesce(md5(string_agg(md5(x::text), '' order by x.id)), '') from legal.de_muc x
      union all select 3, coalesce(md5(string_agg(md5(x::text), '' order by x.de_muc_id, x.ord)), '') from legal.structure_nodes x
      union all select 4, coalesce(md5(string_agg(md5(x::text), '' order by x.identity_key)), '')
        from legal.source_documents x
      union all select 5, coalesce(md5(string_agg(md5(x::text), '' order by x.id)), '') from legal.articles x
      union all select 6, coalesce(md5(string_agg(md5(x::text), '' order by x.from_id, x.to_id)), '')
        from legal.article_refs x
      union all select 7, coalesce(md5(string_agg(md5(x::text), '' order by x.article_id, x.seq, x.kind)), '')
        from legal.amendments x
    ) s`.execute(db);
  return r.rows[0].sum;
}

export async function importedHashes(db: DbOrTx): Promise<Map<string, string>> {
  const r = await sql<{ file_name: string; sha256: string }>`
    select file_name, sha256 from legal.import_files`.execute(db);
  return new Map(r.rows.map((x) => [x.file_name, x.sha256]));
}

export async function recordImportedFile(
  db: DbOrTx,
  f: { fileName: string; deMucId: string; sha256: string; articleBlocks: number; problems: ParseProblem[] },
) {
  await sql`
    insert into legal.import_files as i (file_name, de_muc_id, sha256, article_blocks, problems)
    values (${f.fileName}, ${f.deMucId}, ${f.sha256}, ${f.articleBlocks}, ${JSON.stringify(f.problems)}::jsonb)
    on conflict (file_name) do update set de_muc_id = excluded.de_muc_id, sha256 = excluded.sha256,
      article_blocks = excluded.article_blocks, problems = excluded.problems, imported_at = now()`.execute(
    db,
  );
}

export async function storedProblems(db: DbOrTx): Promise<ParseProblem[]> {
  const r = await sql<{ p: ParseProblem }>`
    select p from legal.import_files, jsonb_array_elements(problems) p order by file_name`.execute(db);
  return r.rows.map((x) => x.p);
}
