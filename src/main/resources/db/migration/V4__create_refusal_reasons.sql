-- Standard reasons for refusing entry or exit (Schengen Borders Code Annex V Part B, A to I,
-- plus P public health, K the other authority's visa, X exit barred). Kept current from the
-- bundled file at every start.
create table referencedata.refusal_reason (
    code       text primary key check (code ~ '^[A-Z]$'),
    applies_to text not null check (applies_to in ('ENTRY', 'EXIT', 'BOTH')),
    label_en   text not null check (label_en <> ''),
    label_ar   text not null check (label_ar <> ''),
    label_ckb  text not null check (label_ckb <> '')
);
