package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.support.IntegrationTest;

/**
 * The language a contract's outside channels speak (issue 11): Simplified Chinese unless set to English,
 * kept when a client leaves it out, and anything else refused naming the field with nothing saved.
 */
class ContractLanguageApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    ApiClient api;
    String contractPath;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        contractPath = "/api/contracts/" + site.getCustomer().getId();
    }

    private ApiClient.Response put(String language) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "O&M 2026", "policyCode", "THREE_LEVEL",
                "calendar", "SEVEN_BY_24", "zone", "Asia/Shanghai", "notifyEmail", false));
        if (language != null) {
            body.put("language", language);
        }
        return api.exchange("t-admin", HttpMethod.PUT, contractPath, body, null);
    }

    private String storedLanguage() {
        ApiClient.Response r = api.get("t-sup", contractPath);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("language").asText();
    }

    @Test
    void aNewContractSpeaksChineseAndEnglishIsKeptUntilChangedAgain() {
        ApiClient.Response created = put(null);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.body().path("language").asText()).isEqualTo("zh-CN");

        assertThat(put("en").body().path("language").asText()).isEqualTo("en");
        assertThat(put(null).status()).isEqualTo(200);
        assertThat(storedLanguage()).as("a client that does not send the field keeps the contract's language").isEqualTo("en");

        assertThat(put("zh-CN").status()).isEqualTo(200);
        assertThat(storedLanguage()).isEqualTo("zh-CN");
    }

    @Test
    void anyOtherLanguageIsRefusedNamingTheFieldAndNothingChanges() {
        assertThat(put("en").status()).isEqualTo(200);
        for (String wrong : new String[] {"fr", "zh", "EN", "ZH_CN", "中文"}) {
            ApiClient.Response r = put(wrong);
            assertThat(r.status()).as(wrong).isEqualTo(400);
            assertThat(r.errorFields()).as(wrong).containsExactly("language");
        }
        assertThat(storedLanguage()).isEqualTo("en");
    }
}
