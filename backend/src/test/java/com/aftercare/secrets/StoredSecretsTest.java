package com.aftercare.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.sla.ServiceContract;
import com.aftercare.sla.ContractBook;
import com.aftercare.support.IntegrationTest;

/**
 * Secrets at rest: rows written in clear by earlier versions are encrypted at start-up and still
 * read as before; a value needs the key it was written with, and without a key nothing is stored.
 */
class StoredSecretsTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired EncryptStoredSecrets encryptStored;
    @Autowired ContractBook contractBook;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void secretsStoredInClearByAnEarlierVersionAreEncryptedAndStillWork() {
        Customer customer = assets.createCustomer("Legacy customer " + System.nanoTime());
        String url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=legacy-key-" + System.nanoTime();
        jdbc.update("insert into service_contract (customer_id, name, policy_code, calendar, zone, notify_email, wecom_webhook_url,"
                + " dingtalk_secret, version) values (?, 'Legacy', 'THREE_LEVEL', 'SEVEN_BY_24', 'Asia/Shanghai', false, ?, 'SEClegacy', 0)",
                customer.getId(), url);
        assertThat(contractBook.contractOfCustomer(customer.getId()).orElseThrow().getWecomWebhookUrl()).as("read in clear before").isEqualTo(url);

        assertThat(encryptStored.encryptAll()).isGreaterThanOrEqualTo(2);

        String column = jdbc.queryForObject("select wecom_webhook_url from service_contract where customer_id = ?", String.class,
                customer.getId());
        assertThat(column).startsWith("v1:").doesNotContain("legacy-key");
        ServiceContract contract = contractBook.contractOfCustomer(customer.getId()).orElseThrow();
        assertThat(contract.getWecomWebhookUrl()).isEqualTo(url);
        assertThat(contract.getDingtalkSecret()).isEqualTo("SEClegacy");
        assertThat(encryptStored.encryptAll()).as("nothing left in clear").isZero();
    }

    @Test
    void withSecretsInTheDatabaseButNoKeyTheServerRefusesToStartNamingTheSetting() {
        Customer customer = assets.createCustomer("Keyless customer " + System.nanoTime());
        jdbc.update("insert into service_contract (customer_id, name, policy_code, calendar, zone, notify_email, dingtalk_secret, version)"
                + " values (?, 'Keyless', 'THREE_LEVEL', 'SEVEN_BY_24', 'Asia/Shanghai', false, 'SECkeyless', 0)", customer.getId());
        EncryptStoredSecrets withoutKey = new EncryptStoredSecrets(jdbc, new SecretBox(""), transaction);

        assertThatThrownBy(withoutKey::encryptAll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AFTERCARE_SECRETS_KEY").hasMessageNotContaining("SECkeyless");
        assertThat(jdbc.queryForObject("select dingtalk_secret from service_contract where customer_id = ?", String.class,
                customer.getId())).as("left as it was").isEqualTo("SECkeyless");
        encryptStored.encryptAll(); // leave nothing in clear for the other tests
    }

    @Test
    void aValueNeedsItsKeyAndWithoutAKeyNothingIsStored() {
        SecretBox box = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));
        String sealed = box.encrypt("https://oapi.dingtalk.com/robot/send?access_token=t");
        assertThat(sealed).isNotEqualTo(box.encrypt("https://oapi.dingtalk.com/robot/send?access_token=t")).as("a fresh nonce each time");
        assertThat(box.decrypt(sealed)).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=t");

        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(other)).decrypt(sealed))
                .hasMessageContaining("aftercare.secrets.key").hasMessageNotContaining("access_token");
        assertThatThrownBy(() -> new SecretBox("").encrypt("x")).hasMessageContaining("AFTERCARE_SECRETS_KEY");
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
