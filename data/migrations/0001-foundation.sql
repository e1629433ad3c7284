-- Caseload schema 1: officers, schools, pupils, guardians, enrolments, settings, audit log.
-- Dates are ISO-8601 text (YYYY-MM-DD); timestamps UTC ISO-8601 (YYYY-MM-DDTHH:MM:SSZ).

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE officer (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role       TEXT NOT NULL DEFAULT 'ewo'
             CHECK (role IN ('ewo', 'senior_ewo', 'manager', 'admin')),
  email      TEXT,
  phone      TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE school (
  id              INTEGER PRIMARY KEY,
  urn             INTEGER NOT NULL UNIQUE CHECK (urn BETWEEN 100000 AND 999999),
  la_code         INTEGER NOT NULL CHECK (la_code BETWEEN 100 AND 999),
  estab           INTEGER NOT NULL CHECK (estab BETWEEN 1000 AND 9999),
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  type            TEXT NOT NULL CHECK (type IN ('la_maintained', 'academy', 'free_school',
                                                'special', 'pru', 'independent')),
  phase           TEXT NOT NULL CHECK (phase IN ('nursery', 'primary', 'middle', 'secondary',
                                                 'all_through', 'post16')),
  country         TEXT NOT NULL DEFAULT 'england' CHECK (country IN ('england', 'wales')),
  number_on_roll  INTEGER NOT NULL DEFAULT 0 CHECK (number_on_roll >= 0),
  address         TEXT NOT NULL DEFAULT '',
  postcode        TEXT NOT NULL DEFAULT '',
  head_teacher    TEXT NOT NULL DEFAULT '',
  link_officer_id INTEGER REFERENCES officer (id) ON DELETE SET NULL,
  deleted_at      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (la_code, estab)
);

CREATE TABLE pupil (
  id                 INTEGER PRIMARY KEY,
  upn                TEXT NOT NULL UNIQUE CHECK (length(upn) = 13),
  legal_forename     TEXT NOT NULL CHECK (length(trim(legal_forename)) > 0),
  legal_surname      TEXT NOT NULL CHECK (length(trim(legal_surname)) > 0),
  middle_names       TEXT NOT NULL DEFAULT '',
  preferred_forename TEXT NOT NULL DEFAULT '',
  preferred_surname  TEXT NOT NULL DEFAULT '',
  dob                TEXT NOT NULL,
  sex                TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  address            TEXT NOT NULL DEFAULT '',
  postcode           TEXT NOT NULL DEFAULT '',
  ehcp               INTEGER NOT NULL DEFAULT 0 CHECK (ehcp IN (0, 1)),
  sen_support        INTEGER NOT NULL DEFAULT 0 CHECK (sen_support IN (0, 1)),
  fsm                INTEGER NOT NULL DEFAULT 0 CHECK (fsm IN (0, 1)),
  looked_after       INTEGER NOT NULL DEFAULT 0 CHECK (looked_after IN (0, 1)),
  young_carer        INTEGER NOT NULL DEFAULT 0 CHECK (young_carer IN (0, 1)),
  eal                INTEGER NOT NULL DEFAULT 0 CHECK (eal IN (0, 1)),
  deleted_at         TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);

-- A pupil's schools over time; end_date NULL means still on roll.
CREATE TABLE enrolment (
  id         INTEGER PRIMARY KEY,
  pupil_id   INTEGER NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
  school_id  INTEGER NOT NULL REFERENCES school (id) ON DELETE RESTRICT,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX enrolment_pupil ON enrolment (pupil_id, start_date);
CREATE INDEX enrolment_school ON enrolment (school_id);

CREATE TABLE guardian (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL DEFAULT '',
  forename       TEXT NOT NULL DEFAULT '',
  surname        TEXT NOT NULL CHECK (length(trim(surname)) > 0),
  address        TEXT NOT NULL DEFAULT '',
  postcode       TEXT NOT NULL DEFAULT '',
  phone_home     TEXT NOT NULL DEFAULT '',
  phone_mobile   TEXT NOT NULL DEFAULT '',
  phone_work     TEXT NOT NULL DEFAULT '',
  email          TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'cy', 'other')),
  language_other TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE pupil_guardian (
  pupil_id                INTEGER NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
  guardian_id             INTEGER NOT NULL REFERENCES guardian (id) ON DELETE CASCADE,
  relationship            TEXT NOT NULL DEFAULT 'parent',
  parental_responsibility INTEGER NOT NULL DEFAULT 1 CHECK (parental_responsibility IN (0, 1)),
  lives_with              INTEGER NOT NULL DEFAULT 1 CHECK (lives_with IN (0, 1)),
  contact_order           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (pupil_id, guardian_id)
) WITHOUT ROWID;
CREATE INDEX pupil_guardian_guardian ON pupil_guardian (guardian_id);

-- Append-only; each row's hash covers the previous row's hash, so an edit or a
-- deletion anywhere breaks the chain from that point on.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  detail    TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
