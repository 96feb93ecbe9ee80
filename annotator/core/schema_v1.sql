-- Annotator project file, schema version 1.
-- Positions (start, end) are Unicode code-point offsets into documents.text, end exclusive.

CREATE TABLE project_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE coders (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (trim(name) <> ''),
    created_at TEXT NOT NULL
);

-- seq is a stable integer key for the full-text indexes (VACUUM may renumber a plain rowid).
CREATE TABLE documents (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    text_sha256       TEXT NOT NULL,
    original_filename TEXT NOT NULL DEFAULT '',
    media_type        TEXT NOT NULL DEFAULT '',
    original_sha256   TEXT NOT NULL DEFAULT '',
    encoding          TEXT NOT NULL DEFAULT '',
    source_url        TEXT NOT NULL DEFAULT '',
    publisher         TEXT NOT NULL DEFAULT '',
    author            TEXT NOT NULL DEFAULT '',
    published_date    TEXT NOT NULL DEFAULT '',
    accessed_date     TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    memo              TEXT NOT NULL DEFAULT '',
    imported_at       TEXT NOT NULL,
    imported_by       TEXT REFERENCES coders (id),
    char_count        INTEGER NOT NULL,
    -- last: lists of documents never have to read past it
    text              TEXT NOT NULL
);
CREATE INDEX documents_text_sha256 ON documents (text_sha256);

-- The bytes exactly as imported, kept apart so listing documents never reads them.
CREATE TABLE document_originals (
    document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    content     BLOB NOT NULL
);

CREATE TRIGGER documents_text_frozen
BEFORE UPDATE OF text, text_sha256, char_count ON documents
WHEN NEW.text IS NOT OLD.text OR NEW.text_sha256 IS NOT OLD.text_sha256
     OR NEW.char_count IS NOT OLD.char_count
BEGIN
    SELECT RAISE(ABORT, 'document text is frozen after import');
END;

CREATE TABLE codes (
    id         TEXT PRIMARY KEY,
    parent_id  TEXT REFERENCES codes (id),
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE
               CHECK (trim(name) <> '' AND instr(name, '/') = 0),
    color      TEXT NOT NULL DEFAULT '#9E9E9E',
    definition TEXT NOT NULL DEFAULT '',
    shortcut   TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    memo       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX codes_parent ON codes (parent_id, position);

CREATE TABLE codings (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    code_id     TEXT NOT NULL REFERENCES codes (id),
    coder_id    TEXT NOT NULL REFERENCES coders (id),
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    memo        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK ("end" > start),
    UNIQUE (document_id, code_id, start, "end", coder_id)
);
CREATE INDEX codings_code ON codings (code_id, document_id, start);
CREATE INDEX codings_document ON codings (document_id, start);
CREATE INDEX codings_coder ON codings (coder_id);

CREATE TABLE document_status (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    coder_id    TEXT NOT NULL REFERENCES coders (id),
    finished    INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (document_id, coder_id)
);

-- The chain of custody: who did what, when. Rows are only ever added.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    id       TEXT NOT NULL UNIQUE,
    at       TEXT NOT NULL,
    coder_id TEXT,
    action   TEXT NOT NULL,
    details  TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Full-text search: words (unicode61, accents folded) and trigrams for scripts
-- without spaces between words (CJK) or with attached clitics (Arabic).
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE documents_trigram USING fts5 (
    title, text, content = 'documents', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
    INSERT INTO documents_trigram (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', OLD.seq, OLD.title, OLD.text);
    INSERT INTO documents_trigram (documents_trigram, rowid, title, text)
        VALUES ('delete', OLD.seq, OLD.title, OLD.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title ON documents
WHEN NEW.title IS NOT OLD.title
BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', OLD.seq, OLD.title, OLD.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
    INSERT INTO documents_trigram (documents_trigram, rowid, title, text)
        VALUES ('delete', OLD.seq, OLD.title, OLD.text);
    INSERT INTO documents_trigram (rowid, title, text) VALUES (NEW.seq, NEW.title, NEW.text);
END;
