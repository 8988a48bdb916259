-- Issue 15: who has read which in-app notification. A notification addressed to a role is read by each of
-- its users on their own, so the mark is one row per (notification, reader) and notification.read_at stays
-- unused. The bell's unread count looks a user's notifications up by recipient (ix_notification_user,
-- ix_notification_role) and their marks by this primary key.
create table notification_read (
    notification_id bigint not null references notification(id) on delete cascade,
    username        varchar(100) not null,
    read_at         timestamp with time zone not null,
    primary key (notification_id, username)
);
create index ix_notification_user on notification(recipient_user);
