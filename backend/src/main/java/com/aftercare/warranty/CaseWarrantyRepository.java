package com.aftercare.warranty;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseWarrantyRepository extends JpaRepository<CaseWarranty, Long> {
}
