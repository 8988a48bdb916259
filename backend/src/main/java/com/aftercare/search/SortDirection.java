package com.aftercare.search;

/** Ascending or descending, for the ticket list's sort. */
public enum SortDirection {
    ASC, DESC
}
