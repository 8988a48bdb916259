-- Issue 11: outside channels (e-mail, WeCom, DingTalk) speak the contract's language; existing
-- contracts keep the Chinese their teams have read so far.
alter table service_contract add column language varchar(10) default 'zh-CN' not null;

-- An in-app notification about a case event keeps the event's parameters, so the UI can show it in
-- the reader's language; message stays the text in the contract's language (older rows: the only text).
alter table notification add column event_type varchar(60);
alter table notification add column event_params varchar(4000);
