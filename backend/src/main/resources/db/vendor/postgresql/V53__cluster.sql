-- Issue 17 "a real cluster" (docs/adr/0054): what several nodes behind one proxy must share lives in the database.
-- This file exists once per database (db/vendor/h2 and db/vendor/postgresql) because the binary column types differ.

-- 1. HTTP sessions (Spring Session JDBC). Its own schema-postgresql.sql of spring-session-jdbc 3.5, as shipped; Spring
--    Session's initializer is off (spring.session.jdbc.initialize-schema=never) so Flyway owns every table.
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- 2. Token buckets of the sign-in throttle and the intake limit (Bucket4j state, serialized by Bucket4j), one row per
--    key such as "sign-in:desk" or "intake:ip:10.0.0.7"; rows unused past expires_at (epoch ms) are deleted.
create table rate_limit_bucket (
    id         varchar(300) primary key,
    state      BYTEA,
    expires_at bigint
);
create index ix_rate_limit_bucket_expires on rate_limit_bucket(expires_at);

-- 3. A rung is recorded (and so told) once: ticket/clock/level/due time of each ESCALATED row, null for other kinds
--    (NULLs never collide, on H2 and PostgreSQL alike). Older rows keep null.
alter table sla_clock_log add column rung_key varchar(200);
create unique index ux_sla_clock_log_rung on sla_clock_log(rung_key);
