package com.aftercare.search;

/** The columns the ticket list sorts by, server-side (issue 15); each names its SQL column, nothing else reaches the SQL. */
public enum CaseSort {
    CREATED_AT("t.created_at"),
    RECEIVED_AT("t.received_at"),
    NUMBER("t.id"),
    TITLE("t.title"),
    LEVEL("t.level_code"),
    STATUS("t.status"),
    SITE("s.name"),
    ASSIGNEE("t.assignee"),
    RESPONSE_DUE("t.response_due"),
    RESOLUTION_DUE("t.resolution_due");

    final String column;

    CaseSort(String column) {
        this.column = column;
    }
}
