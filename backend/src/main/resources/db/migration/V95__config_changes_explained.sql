-- A device's configuration that changed between two backups must be explained by a change that touched it or a case
-- worked on it in between (RP-6: 未经授权的操作属于安全事故; RP-5: changes go through the change process). A backup that
-- differs from the one before records what explains it; with nothing to, a security incident is reported for the
-- supervisors to investigate, and the backup names it.
alter table device_config_backup add column explained_by varchar(40);
alter table device_config_backup add column security_incident_id bigint references security_incident (id);
