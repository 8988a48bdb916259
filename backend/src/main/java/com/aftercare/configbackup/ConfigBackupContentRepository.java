package com.aftercare.configbackup;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigBackupContentRepository extends JpaRepository<ConfigBackupContent, Long> {
}
