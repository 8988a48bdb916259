package com.aftercare.weatherwarning;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WeatherWarningRepository extends JpaRepository<WeatherWarning, Long> {

    Optional<WeatherWarning> findBySourceId(String sourceId);

    @Query("select w from WeatherWarning w order by w.issuedAt desc, w.id desc")
    List<WeatherWarning> newestFirst(Pageable page);
}
