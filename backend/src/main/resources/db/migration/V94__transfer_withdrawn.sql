-- A transfer shipped by mistake (wrong part, wrong warehouse) is withdrawn while still on the road (撤回调拨, FW-6): its
-- parts go back into the source warehouse with their own received dates and costs, and the slip says who withdrew it,
-- when and why. A received transfer is not withdrawn: the target's keeper ships it back as a transfer of its own.
alter table stock_transfer add column cancelled_by varchar(100);
alter table stock_transfer add column cancelled_at timestamp with time zone;
alter table stock_transfer add column cancel_reason varchar(500);
