-- Caseload schema 2: attendance codes, school calendars, registers and mark changes.
-- Dates are ISO-8601 text (YYYY-MM-DD); timestamps UTC ISO-8601 (YYYY-MM-DDTHH:MM:SSZ).

-- Attendance and absence codes are data, not logic (DESIGN.md "Data", DOMAIN.md §1).
--
-- THE id IS THE BYTE STORED IN REGISTERS AND IS STABLE FOREVER. Every register blob
-- in every database holds these numbers, so an id is never reused, renumbered or
-- deleted (the triggers below refuse it). A retired code keeps its id and gets a
-- valid_to date; a new code (e.g. a revised Welsh set) gets a new, unused id.
-- 0 is not a code: it means "no mark held for this session".
--
-- Id ranges: 1-63 England 2024 (SI 2024/208), 64-127 England 2006 (SI 2006/1751),
-- 128-191 Wales 2010 (SI 2010/1954), 192-255 free for future sets.
--
-- The statistical flags are generated from the category so they can never disagree
-- with it. Only codes whose category no primary source confirmed (Q, X, Y1-Y7 and the
-- old single Y) are editable; the user may change their category (audited).
CREATE TABLE attendance_code (
  id               INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 255),
  code_set         TEXT NOT NULL CHECK (code_set IN ('england_2024', 'england_2006', 'wales_2010')),
  code             TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 2),
  meaning          TEXT NOT NULL,
  category         TEXT NOT NULL CHECK (category IN ('present', 'aea', 'authorised', 'unauthorised',
                                                     'not_counted', 'admin', 'none')),
  valid_from       TEXT NOT NULL DEFAULT '0001-01-01',
  valid_to         TEXT NOT NULL DEFAULT '9999-12-31',
  counts_penalty   INTEGER NOT NULL DEFAULT 0 CHECK (counts_penalty IN (0, 1)),
  is_late          INTEGER NOT NULL DEFAULT 0 CHECK (is_late IN (0, 1)),
  editable         INTEGER NOT NULL DEFAULT 0 CHECK (editable IN (0, 1)),
  counts_possible  INTEGER GENERATED ALWAYS AS
                     (category IN ('present', 'aea', 'authorised', 'unauthorised')) VIRTUAL,
  is_present       INTEGER GENERATED ALWAYS AS (category = 'present') VIRTUAL,
  is_aea           INTEGER GENERATED ALWAYS AS (category = 'aea') VIRTUAL,
  is_authorised    INTEGER GENERATED ALWAYS AS (category = 'authorised') VIRTUAL,
  is_unauthorised  INTEGER GENERATED ALWAYS AS (category = 'unauthorised') VIRTUAL,
  UNIQUE (code_set, code),
  CHECK (valid_to >= valid_from)
);

CREATE TRIGGER attendance_code_no_delete BEFORE DELETE ON attendance_code
BEGIN
  SELECT RAISE (ABORT, 'attendance codes are never deleted: registers refer to their ids');
END;
CREATE TRIGGER attendance_code_keep_identity BEFORE UPDATE OF id, code_set, code ON attendance_code
BEGIN
  SELECT RAISE (ABORT, 'an attendance code''s id, set and letters never change');
END;
CREATE TRIGGER attendance_code_fixed_category BEFORE UPDATE OF category ON attendance_code
  WHEN OLD.editable = 0 AND NEW.category <> OLD.category
BEGIN
  SELECT RAISE (ABORT, 'this code''s statistical category is fixed by the regulations');
END;

-- England, from 19 August 2024 (SI 2024/208 reg 10; DOMAIN.md §1 table).
INSERT INTO attendance_code (id, code_set, code, meaning, category, valid_from,
                             counts_penalty, is_late, editable) VALUES
  ( 1, 'england_2024', '/',  'Present at the start of the morning register', 'present', '2024-08-19', 0, 0, 0),
  ( 2, 'england_2024', '\',  'Present at the start of the afternoon register', 'present', '2024-08-19', 0, 0, 0),
  ( 3, 'england_2024', 'L',  'Late: arrived before the register closed', 'present', '2024-08-19', 0, 1, 0),
  ( 4, 'england_2024', 'K',  'Attending education arranged by the local authority', 'aea', '2024-08-19', 0, 0, 0),
  ( 5, 'england_2024', 'V',  'Educational visit or trip arranged by the school', 'aea', '2024-08-19', 0, 0, 0),
  ( 6, 'england_2024', 'P',  'Approved sporting activity', 'aea', '2024-08-19', 0, 0, 0),
  ( 7, 'england_2024', 'W',  'Work experience', 'aea', '2024-08-19', 0, 0, 0),
  ( 8, 'england_2024', 'B',  'Other approved off-site educational activity', 'aea', '2024-08-19', 0, 0, 0),
  ( 9, 'england_2024', 'D',  'Dual registered: attending the other school', 'not_counted', '2024-08-19', 0, 0, 0),
  (10, 'england_2024', 'C1', 'Leave for a regulated performance or employment abroad', 'authorised', '2024-08-19', 0, 0, 0),
  (11, 'england_2024', 'M',  'Leave for a medical or dental appointment', 'authorised', '2024-08-19', 0, 0, 0),
  (12, 'england_2024', 'J1', 'Leave to attend an interview for employment or another educational institution', 'authorised', '2024-08-19', 0, 0, 0),
  (13, 'england_2024', 'S',  'Study leave', 'authorised', '2024-08-19', 0, 0, 0),
  (14, 'england_2024', 'X',  'Non-compulsory school age: not required to attend', 'not_counted', '2024-08-19', 0, 0, 1),
  (15, 'england_2024', 'C2', 'Leave for a part-time timetable', 'authorised', '2024-08-19', 0, 0, 0),
  (16, 'england_2024', 'C',  'Leave in other exceptional circumstances', 'authorised', '2024-08-19', 0, 0, 0),
  (17, 'england_2024', 'E',  'Suspended or permanently excluded, no alternative provision', 'authorised', '2024-08-19', 0, 0, 0),
  (18, 'england_2024', 'I',  'Illness (not appointments)', 'authorised', '2024-08-19', 0, 0, 0),
  (19, 'england_2024', 'Q',  'Unable to attend: lack of access arrangements', 'not_counted', '2024-08-19', 0, 0, 1),
  (20, 'england_2024', 'R',  'Religious observance', 'authorised', '2024-08-19', 0, 0, 0),
  (21, 'england_2024', 'T',  'Parent travelling for occupational purposes', 'authorised', '2024-08-19', 0, 0, 0),
  (22, 'england_2024', 'G',  'Holiday not granted by the school', 'unauthorised', '2024-08-19', 1, 0, 0),
  (23, 'england_2024', 'U',  'Arrived in school after registration closed', 'unauthorised', '2024-08-19', 1, 1, 0),
  (24, 'england_2024', 'N',  'Reason for absence not yet established', 'unauthorised', '2024-08-19', 1, 0, 0),
  (25, 'england_2024', 'O',  'Absent in other or unknown circumstances', 'unauthorised', '2024-08-19', 1, 0, 0),
  (26, 'england_2024', 'Y1', 'Unable to attend: transport normally provided not available', 'not_counted', '2024-08-19', 0, 0, 1),
  (27, 'england_2024', 'Y2', 'Unable to attend: widespread disruption to travel', 'not_counted', '2024-08-19', 0, 0, 1),
  (28, 'england_2024', 'Y3', 'Unable to attend: part of the school premises closed', 'not_counted', '2024-08-19', 0, 0, 1),
  (29, 'england_2024', 'Y4', 'Unable to attend: whole school site unexpectedly closed', 'not_counted', '2024-08-19', 0, 0, 1),
  (30, 'england_2024', 'Y5', 'Unable to attend: in criminal justice detention', 'not_counted', '2024-08-19', 0, 0, 1),
  (31, 'england_2024', 'Y6', 'Unable to attend in line with public health guidance or law', 'not_counted', '2024-08-19', 0, 0, 1),
  (32, 'england_2024', 'Y7', 'Unable to attend: any other unavoidable cause', 'not_counted', '2024-08-19', 0, 0, 1),
  (33, 'england_2024', 'Z',  'Prospective pupil not yet on the admission register', 'admin', '2024-08-19', 0, 0, 0),
  (34, 'england_2024', '#',  'Planned whole-school closure', 'admin', '2024-08-19', 0, 0, 0),
  (35, 'england_2024', '-',  'No mark entered yet', 'none', '2024-08-19', 0, 0, 0);

-- England, SI 2006/1751, for historic registers up to 18 August 2024. The set is also
-- applied to any earlier date (Caseload holds no older set). F (agreed extended
-- holiday) left the national list before 2013 on an unverified date; it is kept
-- valid for the whole period so old registers that hold it still import.
INSERT INTO attendance_code (id, code_set, code, meaning, category, valid_to,
                             counts_penalty, is_late, editable) VALUES
  ( 64, 'england_2006', '/', 'Present (AM)', 'present', '2024-08-18', 0, 0, 0),
  ( 65, 'england_2006', '\', 'Present (PM)', 'present', '2024-08-18', 0, 0, 0),
  ( 66, 'england_2006', 'L', 'Late (before registers closed)', 'present', '2024-08-18', 0, 1, 0),
  ( 67, 'england_2006', 'B', 'Educated off site (not dual registration)', 'aea', '2024-08-18', 0, 0, 0),
  ( 68, 'england_2006', 'C', 'Other authorised circumstances', 'authorised', '2024-08-18', 0, 0, 0),
  ( 69, 'england_2006', 'D', 'Dual registration (attending another establishment)', 'not_counted', '2024-08-18', 0, 0, 0),
  ( 70, 'england_2006', 'E', 'Excluded (no alternative provision made)', 'authorised', '2024-08-18', 0, 0, 0),
  ( 71, 'england_2006', 'F', 'Extended family holiday (agreed)', 'authorised', '2024-08-18', 0, 0, 0),
  ( 72, 'england_2006', 'G', 'Family holiday (not agreed or days in excess)', 'unauthorised', '2024-08-18', 1, 0, 0),
  ( 73, 'england_2006', 'H', 'Family holiday (agreed)', 'authorised', '2024-08-18', 0, 0, 0),
  ( 74, 'england_2006', 'I', 'Illness (not medical or dental appointments)', 'authorised', '2024-08-18', 0, 0, 0),
  ( 75, 'england_2006', 'J', 'Interview', 'aea', '2024-08-18', 0, 0, 0),
  ( 76, 'england_2006', 'M', 'Medical or dental appointments', 'authorised', '2024-08-18', 0, 0, 0),
  ( 77, 'england_2006', 'N', 'No reason yet provided for absence', 'unauthorised', '2024-08-18', 1, 0, 0),
  ( 78, 'england_2006', 'O', 'Unauthorised absence not covered by any other code', 'unauthorised', '2024-08-18', 1, 0, 0),
  ( 79, 'england_2006', 'P', 'Approved sporting activity', 'aea', '2024-08-18', 0, 0, 0),
  ( 80, 'england_2006', 'R', 'Religious observance', 'authorised', '2024-08-18', 0, 0, 0),
  ( 81, 'england_2006', 'S', 'Study leave', 'authorised', '2024-08-18', 0, 0, 0),
  ( 82, 'england_2006', 'T', 'Traveller absence', 'authorised', '2024-08-18', 0, 0, 0),
  ( 83, 'england_2006', 'U', 'Late (after registers closed)', 'unauthorised', '2024-08-18', 1, 1, 0),
  ( 84, 'england_2006', 'V', 'Educational visit or trip', 'aea', '2024-08-18', 0, 0, 0),
  ( 85, 'england_2006', 'W', 'Work experience', 'aea', '2024-08-18', 0, 0, 0),
  ( 86, 'england_2006', 'X', 'Non-compulsory school age absence', 'not_counted', '2024-08-18', 0, 0, 1),
  ( 87, 'england_2006', 'Y', 'Enforced closure', 'not_counted', '2024-08-18', 0, 0, 1),
  ( 88, 'england_2006', 'Z', 'Pupil not on roll', 'admin', '2024-08-18', 0, 0, 0),
  ( 89, 'england_2006', '#', 'School closed to pupils', 'admin', '2024-08-18', 0, 0, 0),
  ( 90, 'england_2006', '-', 'No mark entered yet', 'none', '2024-08-18', 0, 0, 0);

-- Wales, Education (Pupil Registration) (Wales) Regulations 2010 (SI 2010/1954).
-- PENDING VERIFICATION: the Welsh table was not read; this set is taken to mirror the
-- England 2006 set (same letters less F, same categories). The categories of X and Y
-- are editable like their English counterparts. A revised Welsh set (consultation
-- closing 26 Mar 2026) will be added as a new set with new ids, never by renumbering.
INSERT INTO attendance_code (id, code_set, code, meaning, category,
                             counts_penalty, is_late, editable) VALUES
  (128, 'wales_2010', '/', 'Present (AM)', 'present', 0, 0, 0),
  (129, 'wales_2010', '\', 'Present (PM)', 'present', 0, 0, 0),
  (130, 'wales_2010', 'L', 'Late (before registers closed)', 'present', 0, 1, 0),
  (131, 'wales_2010', 'B', 'Educated off site (not dual registration)', 'aea', 0, 0, 0),
  (132, 'wales_2010', 'C', 'Other authorised circumstances', 'authorised', 0, 0, 0),
  (133, 'wales_2010', 'D', 'Dual registration (attending another establishment)', 'not_counted', 0, 0, 0),
  (134, 'wales_2010', 'E', 'Excluded (no alternative provision made)', 'authorised', 0, 0, 0),
  (135, 'wales_2010', 'G', 'Family holiday (not agreed or days in excess)', 'unauthorised', 1, 0, 0),
  (136, 'wales_2010', 'H', 'Family holiday (agreed)', 'authorised', 0, 0, 0),
  (137, 'wales_2010', 'I', 'Illness (not medical or dental appointments)', 'authorised', 0, 0, 0),
  (138, 'wales_2010', 'J', 'Interview', 'aea', 0, 0, 0),
  (139, 'wales_2010', 'M', 'Medical or dental appointments', 'authorised', 0, 0, 0),
  (140, 'wales_2010', 'N', 'No reason yet provided for absence', 'unauthorised', 1, 0, 0),
  (141, 'wales_2010', 'O', 'Unauthorised absence not covered by any other code', 'unauthorised', 1, 0, 0),
  (142, 'wales_2010', 'P', 'Approved sporting activity', 'aea', 0, 0, 0),
  (143, 'wales_2010', 'R', 'Religious observance', 'authorised', 0, 0, 0),
  (144, 'wales_2010', 'S', 'Study leave', 'authorised', 0, 0, 0),
  (145, 'wales_2010', 'T', 'Traveller absence', 'authorised', 0, 0, 0),
  (146, 'wales_2010', 'U', 'Late (after registers closed)', 'unauthorised', 1, 1, 0),
  (147, 'wales_2010', 'V', 'Educational visit or trip', 'aea', 0, 0, 0),
  (148, 'wales_2010', 'W', 'Work experience', 'aea', 0, 0, 0),
  (149, 'wales_2010', 'X', 'Non-compulsory school age absence', 'not_counted', 0, 0, 1),
  (150, 'wales_2010', 'Y', 'Enforced closure', 'not_counted', 0, 0, 1),
  (151, 'wales_2010', 'Z', 'Pupil not on roll', 'admin', 0, 0, 0),
  (152, 'wales_2010', '#', 'School closed to pupils', 'admin', 0, 0, 0),
  (153, 'wales_2010', '-', 'No mark entered yet', 'none', 0, 0, 0);

-- A school's calendar for one academic year as dated ranges. A day is open to pupils
-- when it is a weekday inside a 'term' row and inside no other row ('holiday' covers
-- half terms and the breaks between terms). Statistics never use the calendar:
-- possible sessions come from the register; the calendar validates and displays.
CREATE TABLE school_calendar (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,
  academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2200),
  kind          TEXT NOT NULL CHECK (kind IN ('term', 'inset', 'closure', 'bank_holiday', 'holiday')),
  name          TEXT NOT NULL DEFAULT '',
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX school_calendar_school ON school_calendar (school_id, academic_year, start_date);

-- One row per pupil, school and academic year (the September start year: 2025 means
-- 2025/26). marks[i] is the attendance_code.id for session i, where
-- i = (date - 1 September) * 2 + (PM ? 1 : 0); 0 means no mark. A blob may be shorter
-- than the year (sessions past its end have no mark); 732 bytes covers 366 days.
CREATE TABLE register (
  pupil_id      INTEGER NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
  school_id     INTEGER NOT NULL REFERENCES school (id),
  academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2200),
  marks         BLOB NOT NULL CHECK (length(marks) <= 732),
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (pupil_id, school_id, academic_year)
) WITHOUT ROWID;
CREATE INDEX register_school ON register (school_id, academic_year);
CREATE INDEX register_year ON register (academic_year);

-- Every mark changed by an edit (or overwritten by an import): who, when, old, new.
-- Code ids as in register.marks; 0 = no mark.
CREATE TABLE mark_change (
  id            INTEGER PRIMARY KEY,
  pupil_id      INTEGER NOT NULL REFERENCES pupil (id) ON DELETE CASCADE,
  school_id     INTEGER NOT NULL REFERENCES school (id),
  academic_year INTEGER NOT NULL,
  session_index INTEGER NOT NULL CHECK (session_index BETWEEN 0 AND 731),
  old_code_id   INTEGER NOT NULL CHECK (old_code_id BETWEEN 0 AND 255),
  new_code_id   INTEGER NOT NULL CHECK (new_code_id BETWEEN 0 AND 255),
  changed_by    TEXT NOT NULL,
  changed_at    TEXT NOT NULL
);
CREATE INDEX mark_change_register ON mark_change (pupil_id, school_id, academic_year, session_index);
