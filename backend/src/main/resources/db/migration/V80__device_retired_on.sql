-- The day a device was taken out of service (CB-4): the KPIs count it in service from its commissioning day until
-- this day, so retiring or replacing a device no longer removes it from the months it served. Devices retired before
-- this column existed have no day and count for no month, as before (nothing to backfill it from).
alter table device add column retired_on date;
