package com.aftercare.probes.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoapTest {

    @Test
    void aDeviceAnswerWithADoctypeIsNotParsedSoNoEntityIsEverExpanded() {
        assertThat(Soap.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")).isNull();
        assertThat(Soap.parse("not xml")).isNull();
    }

    @Test
    void deviceWordsAreCutToSafeCharactersAndLength() {
        assertThat(Soap.shown("HIKVISION\u0007<script>")).isEqualTo("HIKVISIONscript");
        assertThat(Soap.shown("V5.6.15 build 200903")).isEqualTo("V5.6.15 build 200903");
        assertThat(Soap.shown("x".repeat(100))).hasSize(64);
        assertThat(Soap.shown(null)).isEqualTo("?");
    }

    @Test
    void theTokenCarriesADigestOfNonceCreatedAndPasswordButNotThePassword() {
        String header = WsUsernameToken.header("admin", "s3cret", Instant.parse("2026-12-04T08:00:00.789Z"));
        Document doc = Soap.parse(Soap.envelope(header, "<tds:GetDeviceInformation/>"));

        assertThat(header).doesNotContain("s3cret");
        assertThat(Soap.text(doc, "Username")).isEqualTo("admin");
        assertThat(Soap.text(doc, "Created")).isEqualTo("2026-12-04T08:00:00Z");
        byte[] nonce = Base64.getDecoder().decode(Soap.text(doc, "Nonce"));
        assertThat(nonce).hasSize(16);
        assertThat(Soap.text(doc, "Password")).isEqualTo(WsUsernameToken.digest(nonce, "2026-12-04T08:00:00Z", "s3cret"));
        assertThat(Soap.first(doc, "Password").getAttribute("Type")).endsWith("#PasswordDigest");
        // a fixed vector: Base64(SHA-1(bytes 0..15 + "2026-12-04T08:00:00Z" + "s3cret")), computed independently with openssl
        byte[] fixed = new byte[16];
        for (int i = 0; i < 16; i++) {
            fixed[i] = (byte) i;
        }
        assertThat(WsUsernameToken.digest(fixed, "2026-12-04T08:00:00Z", "s3cret")).isEqualTo("QqYWbkVUxVnehWpvdkdKanl0VNk=");
    }

    @Test
    void anUsernameWithMarkupIsEscaped() {
        assertThat(WsUsernameToken.header("a<b&c", "p", Instant.EPOCH)).contains("<wsse:Username>a&lt;b&amp;c</wsse:Username>");
    }
}
