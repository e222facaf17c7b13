import { type DbOrTx, sql } from '../../../platform/db/database.js';
import { CHU_DE_NAMES } from '../service/topics.js';
import type { ArticleRef, DeMuc, StructureNode } from '../service/types.js';

/** Rows as written; every upsert leaves identical rows untouched (a re-import writes nothing). */
export interface DocumentRow {
  id: string;
  identity_key: string;
  doc_type: string;
  number_symbol: string | null;
  title: string | null;
  issuer: string | null;
  issue_date: string | null;
  effective_date: string | null;
  vbpl_item_id: string | null;
}

export interface ArticleRow {
  id: string;
  de_muc_id: string;
  parent_anchor: string | null;
  number: string;
  title: string;
  ord: number;
  body_text: string;
  body_html: string;
  source_document_id: string | null;
  source_article: string | null;
  effective_date: string | null;
  citation: string | null;
  amendment_notes: string | null;
}

export interface AmendmentRow {
  article_id: string;
  kind: string;
  seq: number;
  by_document_type: string;
  by_number_symbol: string | null;
  by_unit: string;
  by_vbpl_item_id: string | null;
  effective_date: string | null;
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const json = (rows: unknown[]) => JSON.stringify(rows);

export async function upsertChuDe(db: DbOrTx): Promise<void> {
  const rows = CHU_DE_NAMES.map((name, i) => ({ number: i + 1, name }));
  await sql`
    insert into legal.chu_de as c (number, name)
    select number, name from jsonb_to_recordset(${json(rows)}::jsonb) as r(number smallint, name text)
    on conflict (number) do update set name = excluded.name where c.name is distinct from excluded.name`.execute(
    db,
  );
}

export async function upsertDeMuc(db: DbOrTx, d: DeMuc): Promise<void> {
  await sql`
    insert into legal.de_muc as d (id, number, title, chu_de)
    values (${d.id}, ${d.number}, ${d.title}, ${d.chuDe})
    on conflict (id) do update set number = excluded.number, title = excluded.title, chu_de = excluded.chu_de
    where (d.number, d.title, d.chu_de) is distinct from (excluded.number, excluded.title, excluded.chu_de)`.execute(
    db,
  );
}

/** Known fields are never erased: a short citation (no title/issuer) keeps what a full one stored. */
export async function upsertDocuments(db: DbOrTx, rows: readonly DocumentRow[]): Promise<void> {
  for (const batch of chunks(rows, 1000)) {
    await sql`
      insert into legal.source_documents as d
        (id, identity_key, doc_type, number_symbol, title, issuer, issue_date, effective_date, vbpl_item_id)
      select id, identity_key, doc_type, number_symbol, title, issuer, issue_date, effective_date, vbpl_item_id
      from jsonb_to_recordset(${json(batch)}::jsonb) as r(id uuid, identity_key text, doc_type text,
        number_symbol text, title text, issuer text, issue_date date, effective_date date, vbpl_item_id text)
      on conflict (identity_key) do update set
        title = coalesce(d.title, excluded.title), issuer = coalesce(d.issuer, excluded.issuer),
        issue_date = coalesce(d.issue_date, excluded.issue_date),
        effective_date = coalesce(d.effective_date, excluded.effective_date),
        vbpl_item_id = coalesce(d.vbpl_item_id, excluded.vbpl_item_id)
      where (d.title, d.issuer, d.issue_date, d.effective_date, d.vbpl_item_id) is distinct from
        (coalesce(d.title, excluded.title), coalesce(d.issuer, excluded.issuer),
         coalesce(d.issue_date, excluded.issue_date), coalesce(d.effective_date, excluded.effective_date),
         coalesce(d.vbpl_item_id, excluded.vbpl_item_id))`.execute(db);
  }
}

/** Replaces the headings of one đề mục. */
export async function writeStructure(db: DbOrTx, deMucId: string, nodes: readonly StructureNode[]) {
  const rows = nodes.map((n) => ({
    anchor: n.anchor,
    de_muc_id: n.deMucId,
    level: n.level,
    label: n.label,
    title: n.title,
    parent_anchor: n.parentAnchor,
    ord: n.order,
  }));
  await sql`delete from legal.structure_nodes where de_muc_id = ${deMucId} and ord > ${rows.length}`.execute(
    db,
  );
  for (const batch of chunks(rows, 1000)) {
    await sql`
      insert into legal.structure_nodes as s (anchor, de_muc_id, level, label, title, parent_anchor, ord)
      select anchor, de_muc_id, level, label, title, parent_anchor, ord
      from jsonb_to_recordset(${json(batch)}::jsonb) as r(anchor text, de_muc_id uuid, level text, label text,
        title text, parent_anchor text, ord integer)
      on conflict (de_muc_id, ord) do update set anchor = excluded.anchor, level = excluded.level,
        label = excluded.label, title = excluded.title, parent_anchor = excluded.parent_anchor, ord = excluded.ord
      where (s.anchor, s.level, s.label, s.title, s.parent_anchor) is distinct from
        (excluded.anchor, excluded.level, excluded.label, excluded.title, excluded.parent_anchor)`.execute(
      db,
    );
  }
}

/** Replaces the articles of one đề mục (and, through them, their amendments). */
export async function writeArticles(
  db: DbOrTx,
  deMucId: string,
  rows: readonly ArticleRow[],
  batchSize = 400,
) {
  await sql`delete from legal.articles where de_muc_id = ${deMucId}
    and not (id = any(${rows.map((r) => r.id)}::text[]))`.execute(db);
  for (const batch of chunks(rows, batchSize)) {
    await sql`
      insert into legal.articles as a (id, de_muc_id, parent_anchor, number, title, ord, body_text, body_html,
        source_document_id, source_article, effective_date, citation, amendment_notes)
      select id, de_muc_id, parent_anchor, number, title, ord, body_text, body_html, source_document_id,
        source_article, effective_date, citation, amendment_notes
      from jsonb_to_recordset(${json(batch)}::jsonb) as r(id text, de_muc_id uuid, parent_anchor text,
        number text, title text, ord integer, body_text text, body_html text, source_document_id uuid,
        source_article text, effective_date date, citation text, amendment_notes text)
      on conflict (id) do update set de_muc_id = excluded.de_muc_id, parent_anchor = excluded.parent_anchor,
        number = excluded.number, title = excluded.title, ord = excluded.ord, body_text = excluded.body_text,
        body_html = excluded.body_html, source_document_id = excluded.source_document_id,
        source_article = excluded.source_article, effective_date = excluded.effective_date,
        citation = excluded.citation, amendment_notes = excluded.amendment_notes
      where (a.de_muc_id, a.parent_anchor, a.number, a.title, a.ord, a.body_text, a.body_html,
        a.source_document_id, a.source_article, a.effective_date, a.citation, a.amendment_notes)
        is distinct from (excluded.de_muc_id, excluded.parent_anchor, excluded.number, excluded.title,
        excluded.ord, excluded.body_text, excluded.body_html, excluded.source_document_id,
        excluded.source_article, excluded.effective_date, excluded.citation, excluded.amendment_notes)`.execute(
      db,
    );
  }
}

export async function writeAmendments(
  db: DbOrTx,
  articleIds: readonly string[],
  rows: readonly AmendmentRow[],
) {
  const keep = rows.map((r) => `${r.article_id}|${r.seq}|${r.kind}`);
  await sql`delete from legal.amendments where article_id = any(${articleIds}::text[])
    and not ((article_id || '|' || seq || '|' || kind) = any(${keep}::text[]))`.execute(db);
  for (const batch of chunks(rows, 2000)) {
    await sql`
      insert into legal.amendments as m (article_id, kind, seq, by_document_type, by_number_symbol, by_unit,
        by_vbpl_item_id, effective_date)
      select article_id, kind, seq, by_document_type, by_number_symbol, by_unit, by_vbpl_item_id, effective_date
      from jsonb_to_recordset(${json(batch)}::jsonb) as r(article_id text, kind text, seq smallint,
        by_document_type text, by_number_symbol text, by_unit text, by_vbpl_item_id text, effective_date date)
      on conflict (article_id, seq, kind) do update set by_document_type = excluded.by_document_type,
        by_number_symbol = excluded.by_number_symbol, by_unit = excluded.by_unit,
        by_vbpl_item_id = excluded.by_vbpl_item_id, effective_date = excluded.effective_date
      where (m.by_document_type, m.by_number_symbol, m.by_unit, m.by_vbpl_item_id, m.effective_date)
        is distinct from (excluded.by_document_type, excluded.by_number_symbol, excluded.by_unit,
        excluded.by_vbpl_item_id, excluded.effective_date)`.execute(db);
  }
}

/** Replaces the cross-references written from one đề mục; `resolved` is set by resolveRefs. */
export async function writeRefs(db: DbOrTx, deMucId: string, refs: readonly ArticleRef[]) {
  const rows = refs.map((r) => ({ from_id: r.from, to_id: r.to, de_muc_id: deMucId }));
  await sql`delete from legal.article_refs where de_muc_id = ${deMucId}
    and not ((from_id || '>' || to_id) = any(${rows.map((r) => `${r.from_id}>${r.to_id}`)}::text[]))`.execute(
    db,
  );
  for (const batch of chunks(rows, 4000)) {
    await sql`
      insert into legal.article_refs as f (from_id, to_id, de_muc_id)
      select from_id, to_id, de_muc_id
      from jsonb_to_recordset(${json(batch)}::jsonb) as r(from_id text, to_id text, de_muc_id uuid)
      on conflict (from_id, to_id) do update set de_muc_id = excluded.de_muc_id
      where f.de_muc_id is distinct from excluded.de_muc_id`.execute(db);
  }
}

/** Marks each reference resolved when its target article is in the database. */
export async function resolveRefs(db: DbOrTx): Promise<void> {
  await sql`
    update legal.article_refs f set resolved = x.ok
    from (select r.from_id, r.to_id, exists (select 1 from legal.articles a where a.id = r.to_id) as ok
          from legal.article_refs r) x
    where f.from_id = x.from_id and f.to_id = x.to_id and f.resolved is distinct from x.ok`.execute(db);
}
