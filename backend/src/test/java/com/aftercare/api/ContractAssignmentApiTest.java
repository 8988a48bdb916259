package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.sla.Assignment;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * ADR 0065: a report reuses the assignment (policy version, contract terms) built for its customer last time only while
 * the contract's id and version and the current policy version's id are what it was built from. A contract saved here,
 * a contract changed by another node (a plain SQL update this node's memory never hears of), and a new version of the
 * policy each count from the very next report.
 */
class ContractAssignmentApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ContractBook contractBook;
    @Autowired PolicyCatalog policies;
    ApiClient api;
    long customerId;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        customerId = site.getCustomer().getId();
    }

    private void putContract(String policyCode, String calendar) {
        ApiClient.Response saved = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + customerId,
                Map.of("name", "O&M 2026", "policyCode", policyCode, "calendar", calendar, "zone", "Asia/Shanghai",
                        "notifyEmail", false), null);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private Ticket reported() {
        return report(Category.DEFECT);
    }

    @Test
    void aChangedContractOrPolicyCountsFromTheNextReportOnAnyNode() {
        // no contract: the configured default (THREE_LEVEL), built once and then reused while nothing changes
        Assignment none = contractBook.assignmentFor(customerId);
        assertThat(none.contractId()).isNull();
        assertThat(none.policyCode()).isEqualTo("THREE_LEVEL");
        assertThat(contractBook.assignmentFor(customerId)).isSameAs(none);
        assertThat(reported().getPolicyId()).isEqualTo(policies.currentPolicy("THREE_LEVEL").id());

        // a contract saved on this node
        putContract("DESK_HOURS", "FIVE_BY_8");
        Ticket underContract = reported();
        Assignment contract = contractBook.assignmentFor(customerId);
        assertThat(contract).isNotSameAs(none);
        assertThat(contract.contractId()).isNotNull();
        assertThat(underContract.getContractId()).isEqualTo(contract.contractId());
        assertThat(underContract.getPolicyId()).isEqualTo(policies.currentPolicy("DESK_HOURS").id());
        assertThat(underContract.terms().calendar()).isEqualTo(CalendarKind.FIVE_BY_8);
        assertThat(contractBook.assignmentFor(customerId)).isSameAs(contract);

        // the same contract changed by another node: what its Hibernate writes, the version raised with the row
        assertThat(jdbc.update("update service_contract set policy_code = 'SIX_LEVEL', calendar = 'SEVEN_BY_24',"
                + " version = version + 1 where customer_id = ?", customerId)).isEqualTo(1);
        Ticket changedElsewhere = reported();
        assertThat(changedElsewhere.getContractId()).isEqualTo(contract.contractId());
        assertThat(changedElsewhere.getPolicyId()).isEqualTo(policies.currentPolicy("SIX_LEVEL").id());
        assertThat(changedElsewhere.terms().calendar()).isEqualTo(CalendarKind.SEVEN_BY_24);
        assertThat(contractBook.assignmentFor(customerId).policyCode()).isEqualTo("SIX_LEVEL");

        // a new version of the contract's policy: the next report runs on it
        String code = "HB_" + System.nanoTime();
        Map<String, Object> policy = new HashMap<>(Map.of("code", code, "name", "City police 2026", "levelDecision", "faultLevel",
                "levels", List.of(level("1", "PT15M"), level("2", "PT30M"), level("3", "PT30M")),
                "escalation", List.of(Map.of("name", "BREACH", "percent", 100, "recipients", List.of("SUPERVISORS")))));
        assertThat(api.post("t-admin", "/api/sla/policies", policy).status()).isEqualTo(201);
        putContract(code, "SEVEN_BY_24");
        long first = policies.currentPolicy(code).id();
        assertThat(reported().getPolicyId()).isEqualTo(first);
        policy.remove("code");
        policy.put("levels", List.of(level("1", "PT15M"), level("2", "PT60M"), level("3", "PT60M")));
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/sla/policies/" + code, policy, null).body().path("version")
                .asInt()).isEqualTo(2);
        long second = policies.currentPolicy(code).id();
        assertThat(second).isNotEqualTo(first);
        assertThat(reported().getPolicyId()).isEqualTo(second);
    }

    private static Map<String, Object> level(String code, String response) {
        return Map.of("code", code, "name", "L" + code, "clocks", List.of(Map.of("clock", "RESPONSE", "target", response)));
    }
}
