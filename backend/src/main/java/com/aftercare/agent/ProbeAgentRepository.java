package com.aftercare.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProbeAgentRepository extends JpaRepository<ProbeAgent, Long> {

    @Query("select x from ProbeAgent x where x.tokenSha256 = :tokenSha256 and x.revokedAt is null")
    Optional<ProbeAgent> findByTokenSha256AndRevokedAtIsNull(@Param("tokenSha256") String tokenSha256);

    List<ProbeAgent> findByRevokedAtIsNull();

    List<ProbeAgent> findAllByOrderByCreatedAtDescIdDesc();

    /** The heartbeat: one small update, not a read-modify-write of the whole agent. */
    @Modifying
    @Query("update ProbeAgent a set a.lastSeenAt = :at where a.id = :id")
    int touch(@Param("id") Long id, @Param("at") Instant at);
}
