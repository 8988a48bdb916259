package com.aftercare.asset;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteRepository extends JpaRepository<Site, Long> {
    @EntityGraph(attributePaths = "customer")
    List<Site> findAllByOrderByName();
}
