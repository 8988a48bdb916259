package com.aftercare.engineer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EngineerRepository extends JpaRepository<Engineer, Long> {
    boolean existsByUsername(String username);

    @Query("select x from Engineer x where x.username = :username")
    java.util.Optional<Engineer> findByUsername(@Param("username") String username);

    List<Engineer> findAllByOrderByDisplayName();
}
