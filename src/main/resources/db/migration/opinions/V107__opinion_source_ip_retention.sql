-- Addresses opinions were sent from are cleared after civicloop.privacy.ip-retention (30 days by
-- default); the clearing job finds the ones still kept through this small partial index.
create index opinion_source_ip_kept_idx on opinion (submitted_at) where source_ip is not null;
