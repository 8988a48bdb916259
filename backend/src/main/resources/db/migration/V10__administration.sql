-- Administration (issue 10, item 7): units can be switched off, devices retired, engineers and teams
-- carry the region they cover and their skills. Nothing is ever deleted, so history keeps its names.
alter table customer add column active boolean default true not null;
alter table device add column retired boolean default false not null;
alter table engineer add column region varchar(20);
-- skills are tags, stored comma-separated like app_user.roles (a tag holds no comma)
alter table engineer add column skills varchar(1000);
alter table team add column region varchar(20);
alter table team add column skills varchar(1000);
alter table team add column lead_username varchar(100);
