-- Caseload schema 4: documents — letter templates and the documents that were sent.
-- Timestamps are UTC ISO-8601 (YYYY-MM-DDTHH:MM:SSZ). docs/documents.md explains the choices.

-- Editable letter wording with {placeholders}; the built-in set is seeded from
-- data/templates/ on first use (built_in = 1 marks those, so they can be reset).
CREATE TABLE letter_template (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind        TEXT NOT NULL DEFAULT 'letter' CHECK (kind IN ('letter', 'card', 'notice')),
  language    TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy', 'bilingual')),
  description TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  built_in    INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  updated_at  TEXT NOT NULL
);

-- Every document that went to a parent, a school, a court or governors, kept as
-- the exact PDF bytes with their SHA-256 (lower-case hex) so it can be produced
-- again exactly as it stood. The bytes and hash never change once written.
CREATE TABLE sent_document (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL
              CHECK (kind IN ('letter', 'card', 'notice', 'report', 'bundle', 'invoice', 'other')),
  pupil_id    INTEGER REFERENCES pupil (id) ON DELETE SET NULL,
  guardian_id INTEGER REFERENCES guardian (id) ON DELETE SET NULL,
  school_id   INTEGER REFERENCES school (id) ON DELETE SET NULL,
  case_id     INTEGER REFERENCES case_file (id) ON DELETE SET NULL,
  template    TEXT,
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size = length(pdf)),
  pdf         BLOB NOT NULL
);
CREATE INDEX sent_document_pupil ON sent_document (pupil_id, created_at);
CREATE INDEX sent_document_school ON sent_document (school_id, created_at);
CREATE INDEX sent_document_case ON sent_document (case_id);

CREATE TRIGGER sent_document_immutable BEFORE UPDATE OF pdf, sha256, size, created_at, created_by
ON sent_document
BEGIN
  SELECT RAISE (ABORT, 'a sent document is kept exactly as it was sent');
END;
