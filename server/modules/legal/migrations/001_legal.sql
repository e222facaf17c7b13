-- Bộ pháp điển (codification): chủ đề → đề mục → Phần/Chương/Mục → Điều, with the source
-- normative documents, cross-references and amendment notes. Filled by `tuphap import phapdien`.
create schema if not exists legal;

create table legal.chu_de (
  number smallint primary key check (number between 1 and 45),
  name text not null
);

create table legal.de_muc (
  id uuid primary key,
  number text not null,
  title text not null,
  chu_de smallint not null references legal.chu_de (number)
);
create index de_muc_number_idx on legal.de_muc (number);

-- A few đề mục print the same heading anchor twice, so a heading is identified by its order.
create table legal.structure_nodes (
  anchor text not null,
  de_muc_id uuid not null references legal.de_muc (id) on delete cascade,
  level text not null check (level in ('phan', 'chuong', 'muc', 'tieu_muc')),
  label text not null,
  title text not null,
  parent_anchor text,
  ord integer not null,
  primary key (de_muc_id, ord)
);
create index structure_nodes_anchor_idx on legal.structure_nodes (anchor);

create table legal.source_documents (
  id uuid primary key,
  -- Số ký hiệu (upper case, no spaces) when printed; else loại văn bản + trích yếu.
  identity_key text not null unique,
  doc_type text not null,
  number_symbol text,
  title text,
  issuer text,
  issue_date date,
  effective_date date,
  vbpl_item_id text
);
create index source_documents_number_idx on legal.source_documents (number_symbol);

create table legal.articles (
  id text primary key,
  de_muc_id uuid not null references legal.de_muc (id) on delete cascade,
  parent_anchor text,
  number text not null,
  title text not null,
  ord integer not null,
  body_text text not null,
  body_html text not null,
  source_document_id uuid references legal.source_documents (id),
  source_article text,
  effective_date date,
  citation text,
  amendment_notes text
);
create index articles_de_muc_idx on legal.articles (de_muc_id, ord);
create index articles_source_idx on legal.articles (source_document_id);

-- from: an article id, or the anchor of a heading ("Chương này có nội dung liên quan đến …").
create table legal.article_refs (
  from_id text not null,
  to_id text not null,
  de_muc_id uuid not null references legal.de_muc (id) on delete cascade,
  resolved boolean not null default false,
  primary key (from_id, to_id)
);
create index article_refs_to_idx on legal.article_refs (to_id);

create table legal.amendments (
  article_id text not null references legal.articles (id) on delete cascade,
  kind text not null check (kind in ('sua_doi', 'bo_sung', 'bai_bo', 'huy_bo')),
  seq smallint not null,
  by_document_type text not null,
  by_number_symbol text,
  by_unit text not null,
  by_vbpl_item_id text,
  effective_date date,
  primary key (article_id, seq, kind)
);

-- One row per đề mục file imported: its content hash lets a later import skip it.
create table legal.import_files (
  file_name text primary key,
  de_muc_id uuid not null,
  sha256 text not null,
  article_blocks integer not null,
  problems jsonb not null default '[]',
  imported_at timestamptz not null default now()
);
