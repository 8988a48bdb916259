package com.aftercare.workflow;

import java.util.List;

/**
 * A page of the task inbox and the size of the whole inbox, in the shape of the ticket list's and the audit trail's
 * pages (ADR 0063): {@code page} from 0, {@code totalElements} the tasks of every page.
 */
public record TaskPage(List<TaskView> content, int page, int size, long totalElements, int totalPages) {
}
