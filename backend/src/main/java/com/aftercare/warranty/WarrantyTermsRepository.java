package com.aftercare.warranty;

import org.springframework.data.jpa.repository.JpaRepository;

interface WarrantyTermsRepository extends JpaRepository<WarrantyTerms, Long> {
}
