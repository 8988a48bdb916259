-- Issue 16 gaps in inspections (docs/adr/0052): asset corrections applied by the keeper, automated items run by the site's probe agent.

-- PM-5: where on its site a device is installed ("东门立杆", "3F 弱电间"): the engineer's asset check can correct it
alter table device add column location varchar(200);

-- PM-5: a correction found on site is a proposal the asset keeper approves (applied to the device in the same
-- transaction) or rejects; a confirmed record has no decision
alter table inspection_asset_check add column ip_address varchar(64);
alter table inspection_asset_check add column out_of_service boolean;
alter table inspection_asset_check add column decision varchar(10);
alter table inspection_asset_check add column decided_by varchar(100);
alter table inspection_asset_check add column decided_at timestamp with time zone;
alter table inspection_asset_check add column decision_note varchar(500);
alter table inspection_asset_check add column version bigint default 0 not null;
update inspection_asset_check set decision = 'PROPOSED' where confirmed = false;
alter table inspection_asset_check add constraint ck_inspection_asset_decision
    check (decision is null or decision in ('PROPOSED', 'APPROVED', 'REJECTED'));

-- An automated checklist line of a device at a site only its probe agent reaches: queued for the agent
-- (inspection-probe.bpmn) at this time, cleared when the agent's result (or its giving up) comes back
alter table inspection_check add column probe_queued_at timestamp with time zone;
