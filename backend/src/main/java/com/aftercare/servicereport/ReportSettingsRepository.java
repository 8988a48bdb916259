package com.aftercare.servicereport;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReportSettingsRepository extends JpaRepository<ReportSettings, Long> {
}
