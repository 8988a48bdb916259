-- The archive's device record (RP-3; seed 003 "型号、采购日期、软件版本"): the software or firmware version running on the
-- device, which a vendor asks for first, and the day it was bought. Both optional; devices recorded before have neither.
alter table device add column software_version varchar(100);
alter table device add column purchased_on date;
