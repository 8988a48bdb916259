package com.aftercare.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SLA policies there are: the shipped ones seeded at first start, every version a process owner
 * stored since, and the definition behind each version. Read-only apart from seeding; creating and
 * changing a policy are {@link CreatePolicy} and {@link ChangePolicy}.
 */
@Service
public class PolicyCatalog {

    /** The policies shipped with the product (resources/sla/policies/CODE.json), seeded as version 1. */
    public static final List<String> SHIPPED_POLICIES = List.of("THREE_LEVEL", "SIX_LEVEL", "CLASS_ABCD", "DESK_HOURS");

    /** How a definition is stored and read: unknown properties fail, so a typo in a policy file is not silently dropped. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SlaPolicyRepository policies;
    private final Clock clock;
    // a stored version never changes, so its parsed definition can be kept for the life of the process, and so can
    // its scheme's code (THREE_LEVEL), which names the scheme's level labels in the reader's language
    private final Map<Long, Stored> parsed = new ConcurrentHashMap<>();

    private record Stored(String code, PolicyDefinition definition) {
    }

    PolicyCatalog(SlaPolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** Seeds the shipped policies that are not in the database yet. Idempotent. */
    @Transactional
    public void ensureShippedPolicies() {
        for (String code : SHIPPED_POLICIES) {
            if (policies.findByCodeAndCurrentVersionTrue(code).isEmpty()) {
                PolicyDefinition definition = readShipped(code);
                policies.save(new SlaPolicy(code, 1, definition.name(), write(definition), clock.instant(), "system"));
            }
        }
    }

    private static PolicyDefinition readShipped(String code) {
        try (InputStream in = new ClassPathResource("sla/policies/" + code + ".json").getInputStream()) {
            PolicyDefinition definition = JSON.readValue(in, PolicyDefinition.class);
            definition.validate();
            return definition;
        } catch (IOException e) {
            throw new IllegalStateException("Shipped SLA policy " + code + " cannot be read", e);
        }
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> currentPolicies() {
        return policies.findByCurrentVersionTrueOrderByCode().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PolicyVersion currentPolicy(String code) {
        return view(policies.findByCodeAndCurrentVersionTrue(code)
                .orElseThrow(() -> new NotFoundException("No SLA policy " + code)));
    }

    @Transactional(readOnly = true)
    public boolean hasCurrent(String code) {
        return code != null && policies.findByCodeAndCurrentVersionTrue(code).isPresent();
    }

    @Transactional(readOnly = true)
    public PolicyVersion policyVersion(Long id) {
        return view(policies.findById(id).orElseThrow(() -> new NotFoundException("No SLA policy version " + id)));
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> history(String code) {
        List<SlaPolicy> versions = policies.findByCodeOrderByVersionDesc(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("No SLA policy " + code);
        }
        return versions.stream().map(this::view).toList();
    }

    /**
     * The version new tickets of this code run on. A shipped code is seeded if it is missing, so a
     * database emptied under a running server still opens tickets.
     */
    @Transactional
    public PolicyVersion currentOrSeeded(String code) {
        SlaPolicy policy = policies.findByCodeAndCurrentVersionTrue(code).orElseGet(() -> {
            ensureShippedPolicies();
            return policies.findByCodeAndCurrentVersionTrue(code)
                    .orElseThrow(() -> new IllegalStateException("No SLA policy " + code));
        });
        return view(policy);
    }

    /** The definition of one stored version; a ticket keeps the id of the version it runs on. */
    public PolicyDefinition definition(Long policyId) {
        return stored(policyId).definition();
    }

    /** The scheme code of one stored version (THREE_LEVEL), kept with its definition: a page of tasks reads it once. */
    public String code(Long policyId) {
        return stored(policyId).code();
    }

    private Stored stored(Long policyId) {
        return parsed.computeIfAbsent(policyId, id -> {
            SlaPolicy policy = policies.findById(id).orElseThrow(() -> new IllegalStateException("No SLA policy version " + id));
            return new Stored(policy.getCode(), read(policy.getDefinition()));
        });
    }

    PolicyVersion view(SlaPolicy p) {
        return new PolicyVersion(p.getId(), p.getCode(), p.getVersion(), p.isCurrentVersion(), p.getCreatedAt(),
                p.getCreatedBy(), definition(p.getId()));
    }

    static String write(PolicyDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PolicyDefinition read(String json) {
        try {
            return JSON.readValue(json, PolicyDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored SLA policy is not readable", e);
        }
    }
}
