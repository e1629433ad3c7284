-- Caseload schema 5: indexes for counts asked on every school lookup.
-- A school's pupils on roll are its open enrolments less soft-deleted pupils:
-- the first index answers the count from the index alone, the second keeps
-- the (rare) deleted pupils to one small scan.
CREATE INDEX enrolment_school_open ON enrolment (school_id, pupil_id) WHERE end_date IS NULL;
CREATE INDEX pupil_deleted ON pupil (id) WHERE deleted_at IS NOT NULL;
