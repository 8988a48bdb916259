package com.aftercare.stock;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaleWarningMailRepository extends JpaRepository<StaleWarningMail, Integer> {
}
