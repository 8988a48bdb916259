package com.aftercare.calendar;

import java.time.Instant;

/**
 * One imported year and when it was last imported. The list of these is what a node compares to learn that
 * another node imported or replaced a year: a replace moves that row's time even when another row's is later
 * (or a node's clock runs behind), so the whole list is compared, not its latest time.
 */
record HolidayStamp(Integer year, Instant importedAt) {
}
