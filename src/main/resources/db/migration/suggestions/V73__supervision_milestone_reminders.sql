-- A lead supervisor (领衔督办领导) is reminded once per milestone date when it falls within the
-- warning window (supervision/domain/SupervisionReminders).
alter table supervision_lead add column reminded_for date;
