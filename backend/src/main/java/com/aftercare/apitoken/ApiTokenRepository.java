package com.aftercare.apitoken;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    boolean existsByName(String name);

    List<ApiToken> findAllByOrderByCreatedAtDescIdDesc();

    @Modifying
    @Query(value = "insert into api_token_use (token_id, last_used_at) values (:id, null)", nativeQuery = true)
    void insertUse(@Param("id") Long tokenId);

    @Query(value = "select token_id, last_used_at from api_token_use where last_used_at is not null", nativeQuery = true)
    List<Object[]> lastUses();
}
