package com.aftercare.engineer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EngineerRepository extends JpaRepository<Engineer, Long> {
    boolean existsByUsername(String username);
    java.util.Optional<Engineer> findByUsername(String username);
    List<Engineer> findAllByOrderByDisplayName();
}
