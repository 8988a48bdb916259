package com.aftercare.calendar;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface HolidayYearRepository extends JpaRepository<HolidayYear, Integer> {

    /** A few small rows a node asks for now and then to learn whether another node imported a year. */
    @Query("select new com.aftercare.calendar.HolidayStamp(h.year, h.importedAt) from HolidayYear h order by h.year")
    List<HolidayStamp> stamp();

    /** The year's row, locked until the transaction ends (select ... for update), so imports of a year take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from HolidayYear h where h.year = ?1")
    Optional<HolidayYear> lock(Integer year);
}
