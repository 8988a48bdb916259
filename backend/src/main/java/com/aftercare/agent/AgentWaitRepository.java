package com.aftercare.agent;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentWaitRepository extends JpaRepository<AgentWait, String> {
}
