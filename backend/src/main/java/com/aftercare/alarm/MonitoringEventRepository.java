package com.aftercare.alarm;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringEventRepository extends JpaRepository<MonitoringEvent, Long> {
}
