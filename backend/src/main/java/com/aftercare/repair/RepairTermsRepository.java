package com.aftercare.repair;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepairTermsRepository extends JpaRepository<RepairTerms, Long> {
}
