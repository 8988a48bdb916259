package com.aftercare.alarm;

/** Which format a monitoring source sends (docs/alarms.md): its key works on every alarm endpoint, this is what the admin expects. */
public enum SourceKind {
    GENERIC, ALERTMANAGER, ZABBIX
}
