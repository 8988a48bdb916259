package com.aftercare.engineer;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {
    Optional<Team> findByName(String name);
    java.util.List<Team> findAllByOrderByName();
}
