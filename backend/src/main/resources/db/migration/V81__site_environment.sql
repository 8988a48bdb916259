-- A site's environment in the asset archive (RP-3; seed 003 "单位环境情况" and "系统及设备维护人员情况"): the machine
-- room, power, lightning protection, conditions bad for the equipment, and the customer's own maintainers. What an
-- engineer should know before going there; all optional, changed as a whole by the asset keeper and audited with the site.
alter table site add column machine_room varchar(500);
alter table site add column power_supply varchar(500);
alter table site add column lightning_protection varchar(500);
alter table site add column adverse_conditions varchar(500);
alter table site add column maintainer_count integer;
alter table site add column maintainer_skills varchar(500);
