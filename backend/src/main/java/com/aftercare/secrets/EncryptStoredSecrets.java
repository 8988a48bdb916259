package com.aftercare.secrets;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: encrypts secrets stored in clear by versions before V9 and refuses to start when the
 * database holds secrets but no key is configured (better than escalations that fail one by one).
 *
 * <p>Why at start-up and not lazily on the next write: a contract that is never edited again would
 * keep its key readable in the database (and its backups) for ever. Plain JDBC, so the audit trail
 * does not record a change of representation as a change of the contract.
 */
@Component
@Order(0)
class EncryptStoredSecrets implements ApplicationRunner {

    /** table -> its secret columns; every column here carries {@link SecretConverter} on its entity. */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "service_contract", List.of("wecom_webhook_url", "dingtalk_webhook_url", "dingtalk_secret"),
            "notification_delivery", List.of("endpoint_url", "sign_secret"),
            // issue 14: device accounts and SNMP secrets of the probes
            "device", List.of("probe_password", "probe_snmp_community", "probe_snmp_auth_password", "probe_snmp_priv_password"));

    private static final Logger log = LoggerFactory.getLogger(EncryptStoredSecrets.class);

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final TransactionTemplate transaction;

    EncryptStoredSecrets(JdbcTemplate jdbc, SecretBox box, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.box = box;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        int encrypted = encryptAll();
        if (encrypted > 0) {
            log.info("Encrypted {} secret value(s) stored in clear by an earlier version", encrypted);
        }
    }

    /** Encrypts every value still in clear; returns how many. */
    int encryptAll() {
        int count = 0;
        for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
            for (String column : table.getValue()) {
                count += encrypt(table.getKey(), column);
            }
        }
        return count;
    }

    private int encrypt(String table, String column) {
        if (!box.hasKey()) {
            Integer stored = jdbc.queryForObject("select count(*) from " + table + " where " + column + " is not null", Integer.class);
            if (stored != null && stored > 0) {
                throw new IllegalStateException("The database holds webhook URLs or signing secrets (" + table + "." + column + ") but "
                        + SecretBox.NO_KEY);
            }
            return 0;
        }
        Integer done = transaction.execute(s -> {
            List<Map<String, Object>> plain = jdbc.queryForList(
                    "select id, " + column + " as v from " + table + " where " + column + " is not null and " + column + " not like 'v1:%'");
            for (Map<String, Object> row : plain) {
                jdbc.update("update " + table + " set " + column + " = ? where id = ? and " + column + " = ?",
                        box.encrypt((String) row.get("v")), row.get("id"), row.get("v"));
            }
            return plain.size();
        });
        return done == null ? 0 : done;
    }
}
