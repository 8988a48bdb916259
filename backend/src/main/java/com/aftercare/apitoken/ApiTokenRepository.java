package com.aftercare.apitoken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenSha256AndRevokedAtIsNull(String tokenSha256);

    boolean existsByName(String name);

    List<ApiToken> findAllByOrderByCreatedAtDescIdDesc();

    @Modifying
    @Query(value = "insert into api_token_use (token_id, last_used_at) values (:id, null)", nativeQuery = true)
    void insertUse(@Param("id") Long tokenId);

    /** The last use, moved only forward (two nodes or threads may write at once). */
    @Modifying
    @Query(value = "update api_token_use set last_used_at = :at where token_id = :id and (last_used_at is null or last_used_at < :at)",
            nativeQuery = true)
    int markUsed(@Param("id") Long tokenId, @Param("at") Instant at);

    @Query(value = "select token_id, last_used_at from api_token_use where last_used_at is not null", nativeQuery = true)
    List<Object[]> lastUses();
}
