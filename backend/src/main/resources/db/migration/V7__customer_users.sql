-- A customer's own users (role CUSTOMER) belong to one customer unit and see only its sites,
-- devices and tickets.
alter table app_user add column customer_id bigint references customer(id);
