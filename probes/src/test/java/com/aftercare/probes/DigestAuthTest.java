package com.aftercare.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.aftercare.probes.net.DigestAuth;

class DigestAuthTest {

    /** The worked example of RFC 2617 section 3.5 without qop's random cnonce: response = H(HA1:nonce:HA2). */
    @Test
    void answersAChallengeWithoutQopAsTheRfcComputesIt() {
        DigestAuth auth = DigestAuth.of("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", "Mufasa", "Circle Of Life");
        String header = auth.authorization("GET", "/dir/index.html");
        // MD5("Mufasa:testrealm@host.com:Circle Of Life") = 939e7578ed9e3c518a452acee763bce9
        // MD5("GET:/dir/index.html") = 39aff3a2bab6126f332b942af96d3366
        // MD5(HA1:nonce:HA2) = 670fd8c2df070c60b045671b8b24ff02
        assertThat(header).contains("response=\"670fd8c2df070c60b045671b8b24ff02\"")
                .contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").contains("username=\"Mufasa\"");
    }

    @Test
    void aBasicChallengeIsNoDigest() {
        assertThat(DigestAuth.of("Basic realm=\"x\"", "u", "p")).isNull();
        assertThat(DigestAuth.basic("admin", "12345")).isEqualTo("Basic YWRtaW46MTIzNDU=");
    }
}
