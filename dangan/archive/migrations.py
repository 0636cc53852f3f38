"""Numbered schema migrations for the catalog; applied forward on open."""
from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the catalog (documents, sources, pages, items, tasks, jobs)
    """
    CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        sha256        TEXT NOT NULL UNIQUE,
        size          INTEGER NOT NULL,
        mime          TEXT NOT NULL,
        relpath       TEXT NOT NULL,
        original_name TEXT NOT NULL,
        pages         INTEGER,
        title         TEXT,
        doc_type      TEXT,
        doc_number    TEXT,
        issuer        TEXT,
        doc_date      TEXT,
        recipients    TEXT,
        cc            TEXT,
        secrecy       TEXT,
        urgency       TEXT,
        text          TEXT NOT NULL DEFAULT '',
        needs_ocr     INTEGER NOT NULL DEFAULT 0,
        taken_at      TEXT,
        archival_code TEXT UNIQUE,
        retention     TEXT,
        tags          TEXT NOT NULL DEFAULT '{}',
        meta_origin   TEXT NOT NULL DEFAULT '{}',
        ingested_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX documents_date ON documents(doc_date);
    CREATE INDEX documents_type ON documents(doc_type);
    CREATE TABLE sources (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        path        TEXT NOT NULL,
        inbox       TEXT,
        added_at    TEXT NOT NULL,
        UNIQUE (document_id, path)
    );
    CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        origin      TEXT NOT NULL DEFAULT 'text' CHECK (origin IN ('text', 'ocr', 'none')),
        confidence  REAL,
        chars       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (document_id, number)
    );
    CREATE TABLE items (
        code     TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        parent   TEXT,
        standard TEXT
    );
    CREATE TABLE document_items (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        item_code   TEXT NOT NULL,
        score       REAL NOT NULL DEFAULT 0,
        origin      TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
        PRIMARY KEY (document_id, item_code)
    );
    CREATE TABLE tasks (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        paragraph   TEXT,
        text        TEXT NOT NULL,
        owners      TEXT NOT NULL DEFAULT '[]',
        deadline    TEXT,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE jobs (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL,
        inbox       TEXT,
        state       TEXT NOT NULL DEFAULT 'pending',
        sha256      TEXT,
        document_id INTEGER,
        size        INTEGER,
        mtime       REAL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE INDEX jobs_state ON jobs(state);
    CREATE TABLE failures (
        id          INTEGER PRIMARY KEY,
        path        TEXT NOT NULL,
        sha256      TEXT,
        error_code  TEXT NOT NULL,
        reason      TEXT NOT NULL,
        quarantined TEXT,
        at          TEXT NOT NULL
    );
    """,
    # 2: evidence: documents attached to the 网上申报 requirements of a taxonomy edition (auto with a
    #    confidence and the proving passage, or manual; req -1 = a manual "not this 测评内容"), and which
    #    documents were matched against which edition version. Manual item links of the nine aspects
    #    carry over under district-nine (their sub-codes A01.01 … fold into the aspect).
    """
    CREATE TABLE evidence (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        taxonomy    TEXT NOT NULL,
        content     TEXT NOT NULL,
        req         INTEGER NOT NULL DEFAULT 0,
        confidence  REAL NOT NULL DEFAULT 0,
        origin      TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
        passage     TEXT,
        linked_at   TEXT NOT NULL,
        PRIMARY KEY (document_id, taxonomy, content, req)
    );
    CREATE INDEX evidence_content ON evidence(taxonomy, content);
    CREATE TABLE evidence_runs (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        taxonomy    TEXT NOT NULL,
        version     TEXT NOT NULL,
        PRIMARY KEY (document_id, taxonomy)
    );
    INSERT OR IGNORE INTO evidence (document_id, taxonomy, content, req, confidence, origin, linked_at)
        SELECT document_id, 'district-nine',
               CASE WHEN instr(item_code, '.') > 0 THEN substr(item_code, 1, instr(item_code, '.') - 1)
                    ELSE item_code END,
               0, 1.0, 'manual', datetime('now')
        FROM document_items WHERE origin = 'manual'
    """,
    # 3: minutes drafts: a draft is keyed by its source document and meeting date, and owns its tasks
    #    (drafting again replaces the draft's open tasks); tasks get lead units and a frequency
    """
    CREATE TABLE minutes_drafts (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        meeting_date TEXT NOT NULL DEFAULT '',
        title        TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (document_id, meeting_date)
    );
    ALTER TABLE tasks ADD COLUMN draft_id INTEGER REFERENCES minutes_drafts(id) ON DELETE SET NULL;
    ALTER TABLE tasks ADD COLUMN lead TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE tasks ADD COLUMN frequency TEXT;
    CREATE INDEX tasks_draft ON tasks(draft_id);
    """,
    # 4: page counts that are estimates (text, Markdown, DOCX without statistics); the same text in
    #    other bytes (同文异版): the text key of each document, and the other originals of a document
    """
    ALTER TABLE documents ADD COLUMN pages_estimated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN text_key TEXT;
    CREATE INDEX documents_text_key ON documents(text_key);
    CREATE TABLE variants (
        id            INTEGER PRIMARY KEY,
        document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sha256        TEXT NOT NULL UNIQUE,
        size          INTEGER NOT NULL,
        mime          TEXT NOT NULL,
        relpath       TEXT NOT NULL,
        original_name TEXT NOT NULL,
        source        TEXT,
        added_at      TEXT NOT NULL
    );
    CREATE INDEX variants_document ON variants(document_id);
    """,
    # 5: office files archived while LibreOffice was missing wait for `dangan convert`
    """
    ALTER TABLE documents ADD COLUMN needs_conversion INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: searches the desk keeps by name (常用检索): the search page's query string
    """
    CREATE TABLE saved_searches (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        query      TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 7: accounts and their roles, documents released to units, the hand-in queue (报送 → 审核) and the
    #    hash-chained audit trail (issue 20); triggers keep `audit` append-only
    """
    CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'unit', 'viewer')),
        unit          TEXT,
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        source        TEXT NOT NULL DEFAULT 'cli',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE TABLE releases (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        unit        TEXT NOT NULL,
        by_user     TEXT NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (document_id, unit)
    );
    CREATE TABLE submissions (
        id            INTEGER PRIMARY KEY,
        unit          TEXT NOT NULL,
        user          TEXT NOT NULL,
        taxonomy      TEXT,
        item_code     TEXT,
        requirement   INTEGER,
        task_id       INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
        original_name TEXT NOT NULL,
        held_path     TEXT NOT NULL,
        sha256        TEXT NOT NULL,
        size          INTEGER NOT NULL,
        note          TEXT,
        state         TEXT NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'accepted', 'returned', 'rejected')),
        reason        TEXT,
        document_id   INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        submitted_at  TEXT NOT NULL,
        decided_at    TEXT,
        decided_by    TEXT
    );
    CREATE INDEX submissions_state ON submissions(state, unit);
    CREATE TABLE audit (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        user   TEXT NOT NULL,
        action TEXT NOT NULL,
        object TEXT,
        detail TEXT,
        hash   TEXT NOT NULL
    );
    CREATE INDEX audit_at ON audit(at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END
    """,
    # 8: the text key of documents catalogued before migration 4 (they were never matched as 同文异版),
    #    computed from the stored text by the function the catalog registers (text.fingerprint.text_key)
    """
    UPDATE documents SET text_key = dangan_text_key(text) WHERE text_key IS NULL AND text != '';
    """,
    # 9: web desk sessions (only a hash of each id): a restart keeps them, server processes share them
    """
    CREATE TABLE web_sessions (
        id_hash TEXT PRIMARY KEY,
        user    TEXT NOT NULL,
        key     TEXT NOT NULL,
        created REAL NOT NULL,
        seen    REAL NOT NULL
    );
    CREATE INDEX web_sessions_user ON web_sessions(user);
    """,
    # 10: 网页发布时间: the posting row of a web copy (时间:2022-03-26 09:11:00 over a site's 导语), the site's and not
    #     the 成文日期; `archive --year` infers a year from it for a document stating no date ([2022-03-26])
    """
    ALTER TABLE documents ADD COLUMN posted_date TEXT;
    """,
    # 11: the 网页发布时间 of documents catalogued before migration 10, read from their stored text by the function
    #     the catalog registers (read.understand.gongwen_posting.posting_day: the first lines, as ingest reads them);
    #     a value a person entered or cleared (meta_origin manual, folder or import) is left as it is
    """
    UPDATE documents SET posted_date = dangan_posted_date(text)
    WHERE posted_date IS NULL AND coalesce(text, '') != ''
      AND coalesce(CASE WHEN json_valid(meta_origin) THEN json_extract(meta_origin, '$.posted_date.origin') END, '')
          NOT IN ('manual', 'folder', 'import');
    """,
    # 12: 电子签章: the electronic seals an OFD carries (GB/T 38540 / GM/T 0031), read at ingest: the seal's name,
    #     the organ it names, when and by which program it was signed, the page and box it is stamped in (IF NOT
    #     EXISTS: a catalog put back to an earlier version by hand keeps the table it has)
    """
    CREATE TABLE IF NOT EXISTS document_seals (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        name        TEXT NOT NULL,
        organ       TEXT NOT NULL DEFAULT '',
        signed_at   TEXT NOT NULL DEFAULT '',
        provider    TEXT NOT NULL DEFAULT '',
        page        INTEGER,
        boundary    TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (document_id, number)
    );
    """,
    # 13: 读取提示: what a reader noted on a document it read anyway (Extracted.warnings: an OFD seal that cannot
    #     be read…), in the clerk's words; written at ingest, replaced when the file is read again (convert).
    #     Documents catalogued before have none (their notes were never kept)
    """
    CREATE TABLE IF NOT EXISTS document_notes (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        note        TEXT NOT NULL,
        PRIMARY KEY (document_id, number)
    );
    """,
    # 14: which reader read each document (read.version.reader_version: the package's version and a fingerprint of
    #     the reading code), written at ingest and whenever the elements are read again (OCR, convert, reread), so
    #     stats and check can count the documents an older reader read. Documents catalogued before have none: read
    #     by an older reader. A table of its own, IF NOT EXISTS: a catalog put back to an earlier version re-runs it
    """
    CREATE TABLE IF NOT EXISTS document_readers (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        reader      TEXT NOT NULL,
        read_at     TEXT NOT NULL
    );
    """,
    # 15: text keys are read from the letters and digits, the printer's page numbers left out (a DOCX and the
    #     PDF it was saved as differ by their — 1 — and a dropped 。): every stored key is computed again from
    #     the stored text by the function the catalog registers (text.fingerprint.text_key), so that a file
    #     arriving now is matched against documents catalogued before as against those catalogued after
    """
    UPDATE documents SET text_key = dangan_text_key(text) WHERE coalesce(text, '') != '';
    """,
    # 16: 图片文字: the pictures of a DOCX or PPTX worth OCR (a photo of a 公示栏, a notice pasted in as a picture), in
    #     document order, with the text OCR read from each ('none' until read). Kept apart from the document's text:
    #     its page count and text key (同文异版) stay those of the file's own words; the index holds both. Documents
    #     catalogued before have none (`dangan reread ID --ocr` reads theirs). IF NOT EXISTS, as migration 14
    """
    CREATE TABLE IF NOT EXISTS document_pictures (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        part        TEXT NOT NULL,
        width       INTEGER NOT NULL,
        height      INTEGER NOT NULL,
        origin      TEXT NOT NULL DEFAULT 'none' CHECK (origin IN ('ocr', 'none')),
        text        TEXT NOT NULL DEFAULT '',
        confidence  REAL,
        PRIMARY KEY (document_id, number)
    );
    """,
    # 17: text keys read each character in one script (text.variant_chars: 著 and 着, 爲, 為 and 为 alike), so that a
    #     Traditional copy of a document (a Hong Kong or Taiwan site's) is its 同文异版; and each document's Big5
    #     key (text.fingerprint.big5_key: the characters every Big5 copy keeps), so that a copy saved as Big5, which
    #     lost the characters Big5 cannot hold, is one too (a table of its own, IF NOT EXISTS, as migration 14).
    #     Every key is computed from the stored text by the functions the catalog registers, as migration 15 did.
    #     Two documents catalogued apart before and now of one key stay two (nothing is folded here); a file
    #     arriving now joins the first, and `dangan variants --join` (ops.same_text) folds the two
    """
    CREATE TABLE IF NOT EXISTS document_big5_keys (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        key         TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS document_big5_keys_key ON document_big5_keys(key);
    UPDATE documents SET text_key = dangan_text_key(text) WHERE coalesce(text, '') != '';
    INSERT OR REPLACE INTO document_big5_keys (document_id, key)
    SELECT id, key FROM (SELECT id, dangan_big5_key(text) AS key FROM documents WHERE coalesce(text, '') != '')
    WHERE key IS NOT NULL;
    """,
    # 18: pairs of documents a clerk said are not one text (同文异版候选 dismissed: a 决议 and its 修订稿 that read
    #     to one key, a Big5 copy judged another text, two documents both worked on kept apart on purpose), the
    #     lower id first: `check` and `variants` never propose them again and no fold joins them
    #     (archive.variants_apart). Gone with either document. IF NOT EXISTS, as migration 14
    """
    CREATE TABLE IF NOT EXISTS same_text_apart (
        document_a  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        document_b  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        at          TEXT NOT NULL,
        user        TEXT NOT NULL,
        PRIMARY KEY (document_a, document_b),
        CHECK (document_a < document_b)
    );
    """,
    # 19: a ZIP member's name as the archive stored it, when that was garbled by another tool (GBK bytes read as
    #     cp437 and written back as UTF-8: `╬─╝■.doc`) and read back (text.mojibake): the source's path holds the
    #     name recovered, which clerks search and file by; this keeps the one the archive holds, by the source's
    #     document and path. A table of its own, IF NOT EXISTS, as migration 14
    """
    CREATE TABLE IF NOT EXISTS source_stored_names (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        path        TEXT NOT NULL,
        stored_name TEXT NOT NULL,
        PRIMARY KEY (document_id, path)
    );
    """,
    # 20: a task's 责任领导 (people named by role or name: 分管副区长, 王局长, 由吴芳负责), kept apart from its units
    #     (owners, lead) as a 督办台账 keeps the column apart; tasks stored before have none ('[]')
    """
    ALTER TABLE tasks ADD COLUMN leaders TEXT NOT NULL DEFAULT '[]';
    """,
)
