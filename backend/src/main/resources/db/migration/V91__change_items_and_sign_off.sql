-- A change names the configuration items it changes (RP-4 with RP-5): their ids as a list, like its devices; the
-- implementer's outcome may record each item's new version and parameters, which become lines of the item's history
-- marked with the change (config_item_event.change_id).
alter table change_request add column config_item_ids varchar(400);
alter table config_item_event add column change_id bigint references change_request (id);
create index ix_config_item_event_change on config_item_event (change_id);

-- The customer's sign-off after a change (用户确认, as VC-2 asks after maintenance): accepted or not with an opinion,
-- the customer's person who confirmed, and who recorded it (the unit's own user, or the desk for them by phone).
alter table change_request add column confirmed_accepted boolean;
alter table change_request add column confirmed_opinion varchar(2000);
alter table change_request add column confirmed_by_name varchar(100);
alter table change_request add column confirmed_at timestamp with time zone;
alter table change_request add column confirmation_recorded_by varchar(100);
