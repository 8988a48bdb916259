package com.aftercare.inspection;

import org.springframework.data.jpa.repository.JpaRepository;

interface SiteHazardRepository extends JpaRepository<SiteHazard, Long> {
}
