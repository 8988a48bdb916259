package com.aftercare.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface HolidayYearRepository extends JpaRepository<HolidayYear, Integer> {

    /** A few small rows a node asks for now and then to learn whether another node imported a year. */
    @Query("select new com.aftercare.calendar.HolidayStamp(h.year, h.importedAt) from HolidayYear h order by h.year")
    List<HolidayStamp> stamp();

    /** The year's row, locked until the transaction ends (select ... for update), so imports of a year take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from HolidayYear h where h.year = ?1")
    Optional<HolidayYear> lock(Integer year);

    /**
     * A new year's row. An insert, never save's merge: merge would look the row up again and turn into an update of a
     * row another import committed a moment ago, over a calendar before that did not have it (ADR 0078).
     */
    @Modifying
    @Query(value = "insert into holiday_year (calendar_year, source_json, imported_at, imported_by) values (?1, ?2, ?3, ?4)",
            nativeQuery = true)
    void insert(int year, String sourceJson, Instant importedAt, String importedBy);
}
