-- Caseload schema 3: casework — cases, their pupils, reasons, allocation, stage and status
-- histories, and the chronology of events with its corrections.
-- Dates are ISO-8601 text (YYYY-MM-DD); timestamps UTC ISO-8601 (YYYY-MM-DDTHH:MM:SSZ).
-- docs/casework.md explains the choices made here.

-- One case: a referral about one child or several children of one family (case_pupil).
-- "case" is an SQL keyword, so the table is case_file. officer_id and stage are the
-- current values, kept in step with case_allocation and case_stage (the histories) by
-- the repository in the same transaction; they are here so that lists filter fast.
CREATE TABLE case_file (
  id             INTEGER PRIMARY KEY,
  referral_date  TEXT NOT NULL,
  source         TEXT NOT NULL DEFAULT 'school'
                 CHECK (source IN ('school', 'self', 'social_care', 'health', 'police',
                                   'la_attendance_team', 'cme', 'other')),
  officer_id     INTEGER REFERENCES officer (id),
  status         TEXT NOT NULL DEFAULT 'open'
                 CHECK (status IN ('referred', 'open', 'legal', 'closed')),
  stage          TEXT NOT NULL DEFAULT 'early_support'
                 CHECK (stage IN ('early_support', 'attendance_contract', 'notice_to_improve',
                                  'penalty_notice', 'prosecution', 'eso_sao')),
  closed_date    TEXT,
  closure_reason TEXT
                 CHECK (closure_reason IS NULL
                        OR closure_reason IN ('improved_attendance', 'moved_out_of_area',
                                              'elective_home_education', 'transferred',
                                              'over_compulsory_age', 'legal_concluded',
                                              'other')),
  outcome        TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  -- A closed case has a date and a reason; any other has neither.
  CHECK ((status = 'closed') = (closed_date IS NOT NULL AND closure_reason IS NOT NULL)),
  CHECK (status = 'closed' OR (closed_date IS NULL AND closure_reason IS NULL)),
  -- Only a referral waiting for an officer has none.
  CHECK (officer_id IS NOT NULL OR status IN ('referred', 'closed'))
);
CREATE INDEX case_file_officer ON case_file (officer_id, status);
CREATE INDEX case_file_status ON case_file (status);

-- The children a case covers; position 0 is the child the referral was about.
CREATE TABLE case_pupil (
  case_id  INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  pupil_id INTEGER NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  PRIMARY KEY (case_id, pupil_id)
) WITHOUT ROWID;
CREATE INDEX case_pupil_pupil ON case_pupil (pupil_id);

-- Why the case was opened; a case has one or more.
CREATE TABLE case_reason (
  case_id INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  reason  TEXT NOT NULL
          CHECK (reason IN ('irregular_attendance', 'cme', 'reintegration',
                            'part_time_timetable', 'child_employment', 'health', 'young_carer',
                            'emotional_wellbeing', 'bullying', 'family_circumstances',
                            'term_time_holiday', 'safeguarding', 'alternative_provision',
                            'other')),
  PRIMARY KEY (case_id, reason)
) WITHOUT ROWID;

-- Who held the case and when: the row with to_date NULL is the current allocation.
-- A reassignment ends that row on the day and opens the next; rows are never deleted.
CREATE TABLE case_allocation (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  officer_id INTEGER NOT NULL REFERENCES officer (id),
  from_date  TEXT NOT NULL,
  to_date    TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX case_allocation_case ON case_allocation (case_id, id);

-- The stage of the case over time, in the same form.
CREATE TABLE case_stage (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  stage      TEXT NOT NULL
             CHECK (stage IN ('early_support', 'attendance_contract', 'notice_to_improve',
                              'penalty_notice', 'prosecution', 'eso_sao')),
  from_date  TEXT NOT NULL,
  to_date    TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX case_stage_case ON case_stage (case_id, id);

-- Every change of status (opened, allocated, legal, closed, reopened), with the
-- closure reason and outcome as they were given: a reopened case keeps them here.
CREATE TABLE case_status_change (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  status         TEXT NOT NULL CHECK (status IN ('referred', 'open', 'legal', 'closed')),
  on_date        TEXT NOT NULL,
  closure_reason TEXT,
  outcome        TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  changed_by     TEXT NOT NULL,
  changed_at     TEXT NOT NULL
);
CREATE INDEX case_status_change_case ON case_status_change (case_id, id);

-- The chronology. The row holds the current text; every correction first copies the
-- old values into case_event_revision (see the trigger below). Miles are integer tenths
-- of a mile (12.5 miles = 125). occurred_time is the local wall-clock time "HH:MM" the
-- officer entered, or NULL. The next action is open until action_done_at is set.
CREATE TABLE case_event (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  type             TEXT NOT NULL
                   CHECK (type IN ('home_visit', 'home_visit_no_reply', 'school_visit',
                                   'phone_call', 'letter', 'meeting', 'referral', 'assessment',
                                   'attendance_contract', 'note')),
  meeting_kind     TEXT
                   CHECK (meeting_kind IS NULL
                          OR (type = 'meeting'
                              AND meeting_kind IN ('tac', 'taf', 'cp_conference', 'core_group',
                                                   'attendance_panel', 'targeting_meeting'))),
  partner          TEXT
                   CHECK (partner IS NULL
                          OR (type = 'referral'
                              AND partner IN ('social_care', 'health', 'camhs', 'housing',
                                              'youth_justice', 'benefits_fsm', 'clothing',
                                              'transport', 'other'))),
  occurred_on      TEXT NOT NULL,
  occurred_time    TEXT CHECK (occurred_time IS NULL OR length (occurred_time) = 5),
  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
  participants     TEXT NOT NULL DEFAULT '',
  summary          TEXT NOT NULL DEFAULT '',
  outcome          TEXT NOT NULL DEFAULT '',
  child_views      TEXT NOT NULL DEFAULT '',
  parent_views     TEXT NOT NULL DEFAULT '',
  barriers         TEXT NOT NULL DEFAULT '',
  strengths        TEXT NOT NULL DEFAULT '',
  next_action      TEXT NOT NULL DEFAULT '',
  next_action_type TEXT
                   CHECK (next_action_type IS NULL
                          OR next_action_type IN ('home_visit', 'school_visit', 'phone_call',
                                                  'letter', 'meeting', 'referral', 'assessment',
                                                  'review', 'other')),
  next_action_due  TEXT,
  action_done_at   TEXT,
  action_done_by   TEXT,
  miles_tenths     INTEGER NOT NULL DEFAULT 0 CHECK (miles_tenths BETWEEN 0 AND 99999),
  officer_id       INTEGER REFERENCES officer (id),
  revision         INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  -- A next action has a type and a due date on or after the event; no action has none.
  CHECK ((next_action = '') = (next_action_due IS NULL)),
  CHECK ((next_action = '') = (next_action_type IS NULL)),
  CHECK (next_action_due IS NULL OR next_action_due >= occurred_on),
  CHECK (action_done_at IS NULL OR next_action <> '')
);
CREATE INDEX case_event_case ON case_event (case_id, occurred_on);
CREATE INDEX case_event_officer ON case_event (officer_id, occurred_on);
CREATE INDEX case_event_open_action ON case_event (next_action_due)
  WHERE next_action_due IS NOT NULL AND action_done_at IS NULL;

-- The text of an event as it stood before correction number `revision`: one row per
-- correction, holding every correctable field's old value, who corrected it, when and why.
CREATE TABLE case_event_revision (
  id               INTEGER PRIMARY KEY,
  event_id         INTEGER NOT NULL REFERENCES case_event (id) ON DELETE CASCADE,
  revision         INTEGER NOT NULL CHECK (revision >= 1),
  type             TEXT NOT NULL,
  meeting_kind     TEXT,
  partner          TEXT,
  occurred_on      TEXT NOT NULL,
  occurred_time    TEXT,
  duration_minutes INTEGER NOT NULL,
  participants     TEXT NOT NULL,
  summary          TEXT NOT NULL,
  outcome          TEXT NOT NULL,
  child_views      TEXT NOT NULL,
  parent_views     TEXT NOT NULL,
  barriers         TEXT NOT NULL,
  strengths        TEXT NOT NULL,
  next_action      TEXT NOT NULL,
  next_action_type TEXT,
  next_action_due  TEXT,
  miles_tenths     INTEGER NOT NULL,
  officer_id       INTEGER,
  changed_by       TEXT NOT NULL,
  changed_at       TEXT NOT NULL,
  reason           TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  UNIQUE (event_id, revision)
);

-- Events are never silently edited or removed: a change to the recorded text must
-- bump the revision and come after the row that keeps the old text.
CREATE TRIGGER case_event_keep_history
  BEFORE UPDATE OF type, meeting_kind, partner, occurred_on, occurred_time, duration_minutes,
                   participants, summary, outcome, child_views, parent_views, barriers,
                   strengths, next_action, next_action_type, next_action_due, miles_tenths,
                   officer_id
  ON case_event
  WHEN NEW.revision <> OLD.revision + 1
       OR NOT EXISTS (SELECT 1 FROM case_event_revision r
                      WHERE r.event_id = OLD.id AND r.revision = NEW.revision)
BEGIN
  SELECT RAISE (ABORT, 'a case event is only corrected through a revision that keeps the old text');
END;
CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
BEGIN
  SELECT RAISE (ABORT, 'case events are never deleted: correct them instead');
END;
CREATE TRIGGER case_event_revision_no_update BEFORE UPDATE ON case_event_revision
BEGIN
  SELECT RAISE (ABORT, 'event revisions are append-only');
END;
CREATE TRIGGER case_event_revision_no_delete BEFORE DELETE ON case_event_revision
BEGIN
  SELECT RAISE (ABORT, 'event revisions are append-only');
END;
