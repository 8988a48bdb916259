package com.aftercare.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.common.BadRequestException;

/**
 * The one outbound rule on its own: which addresses are refused (also when written in a form that
 * hides them), how allow-lists open exceptions, and that a connect gets the address it checked.
 */
class OutboundTargetsTest {

    private final OutboundTargets strict = new OutboundTargets(new OutboundProperties(List.of()));

    @Test
    void internalMetadataAndEmbeddedAddressesAreRefusedPublicOnesPass() throws Exception {
        for (String refused : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.64",
                "169.254.169.254", "100.100.100.200", "100.64.0.1", "224.0.0.251", "255.255.255.255", "::", "::1", "fd00:ec2::254",
                "fc00::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe", "64:ff9b:1::808:808", "2002:7f00:1::1", "2002:a00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertThat(TargetRule.refusal(InetAddress.getByName(refused))).as(refused).isNotNull();
        }
        for (String allowed : List.of("8.8.8.8", "101.6.6.6", "172.32.0.1", "100.128.0.1", "2400:3200::1", "64:ff9b::808:808",
                "2002:808:808::1")) {
            assertThat(TargetRule.refusal(InetAddress.getByName(allowed))).as(allowed).isNull();
        }
    }

    @Test
    void aWebhookUrlThatReachesInsideIsRefusedWhenSavedNamingTheField() {
        for (String url : List.of("https://127.0.0.1/hook", "https://10.0.0.5/hook", "https://100.100.100.200/latest/meta-data",
                "https://169.254.169.254/", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/", "https://[64:ff9b::7f00:1]/",
                "https://[::1]:8443/", "https://2130706433/", "https://0177.0.0.1/", "https://0x7f.1/", "https://localhost/hook",
                "http://8.8.8.8/hook", "https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "ftp://8.8.8.8/",
                "https:///nohost")) {
            assertThatThrownBy(() -> strict.checkUrl("wecomWebhookUrl", url, OutboundTargets.Use.WEBHOOK, AllowList.NONE)).as(url)
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly("wecomWebhookUrl"));
        }
        assertThatCode(() -> strict.checkUrl("wecomWebhookUrl", "https://8.8.8.8/cgi-bin/webhook/send?key=k", OutboundTargets.Use.WEBHOOK,
                AllowList.NONE)).doesNotThrowAnyException();
    }

    @Test
    void anAllowListOpensExactlyItsNetworksAndPortsAndLetsHttpThrough() {
        AllowList site = AllowList.parse("probeAllowList", "10.20.0.0/16, 127.0.0.1:8080 [fd12:3456::]/32");
        assertThatCode(() -> strict.checkHost("ipAddress", "10.20.3.4", List.of(80, 554), site)).doesNotThrowAnyException();
        assertThatCode(() -> strict.checkUrl("probeHttpUrl", "http://127.0.0.1:8080/health", OutboundTargets.Use.PROBE, site))
                .doesNotThrowAnyException();
        assertThatCode(() -> strict.checkUrl("w", "http://[fd12:3456::9]/x", OutboundTargets.Use.WEBHOOK, site)).doesNotThrowAnyException();
        assertThatThrownBy(() -> strict.checkHost("ipAddress", "10.21.0.1", List.of(80), site)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> strict.checkHost("ipAddress", "127.0.0.1", List.of(5432), site)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> strict.checkUrl("probeHttpUrl", "http://127.0.0.1:6379/", OutboundTargets.Use.PROBE, site))
                .isInstanceOf(BadRequestException.class);

        OutboundTargets configured = new OutboundTargets(new OutboundProperties(List.of("127.0.0.1/32:32768-65535")));
        assertThatCode(() -> configured.checkUrl("w", "http://127.0.0.1:40000/hook", OutboundTargets.Use.WEBHOOK, AllowList.NONE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> configured.checkUrl("w", "http://127.0.0.1:5432/", OutboundTargets.Use.WEBHOOK, AllowList.NONE))
                .isInstanceOf(BadRequestException.class);

        for (String bad : List.of("10.0.0.0/33", "300.1.1.1", "10.0.0.1:0", "10.0.0.1:9-3", "host_name", "[::1", "a/b")) {
            assertThatThrownBy(() -> AllowList.parse("probeAllowList", bad)).as(bad)
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("probeAllowList"));
        }
    }

    @Test
    void theDemoProfileAllowsItsLoopbackDevicesAndTheTestProfileOnlyEphemeralLoopbackPorts() {
        OutboundTargets demo = new OutboundTargets(new OutboundProperties(allowIn("application-demo.yml")));
        assertThatCode(() -> demo.checkHost("ipAddress", "127.0.0.1", List.of(8080, 9), AllowList.NONE)).doesNotThrowAnyException();
        assertThatCode(() -> demo.checkUrl("probeHttpUrl", "http://127.0.0.1:8080/actuator/health", OutboundTargets.Use.PROBE,
                AllowList.NONE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> demo.checkHost("ipAddress", "10.0.0.1", List.of(80), AllowList.NONE)).isInstanceOf(BadRequestException.class);

        OutboundTargets test = new OutboundTargets(new OutboundProperties(allowIn("application-test.yml")));
        assertThatCode(() -> test.checkHost("ipAddress", "127.0.0.1", List.of(40000), AllowList.NONE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> test.checkHost("ipAddress", "127.0.0.1", List.of(5432), AllowList.NONE))
                .isInstanceOf(BadRequestException.class);
    }

    private static List<String> allowIn(String file) {
        org.springframework.beans.factory.config.YamlPropertiesFactoryBean yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource(file));
        String allow = yaml.getObject().getProperty("aftercare.outbound.allow");
        assertThat(allow).as(file).isNotBlank();
        return List.of(allow);
    }

    @Test
    void aConnectGetsTheAddressThatWasCheckedOrARefusalThatNamesNoAddress() throws Exception {
        OutboundTargets configured = new OutboundTargets(new OutboundProperties(List.of("127.0.0.1/32:32768-65535")));
        assertThat(configured.resolve("127.0.0.1", 40000, AllowList.NONE)).isEqualTo(InetAddress.getByName("127.0.0.1"));

        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "169.254.169.254", "100.100.100.200", "fd00:ec2::254")) {
            assertThatThrownBy(() -> configured.resolve(host, 5432, AllowList.NONE)).as(host)
                    .isInstanceOf(TargetRefusedException.class).hasMessage("address not allowed");
        }
        assertThatThrownBy(() -> configured.resolveWebhook(java.net.URI.create("http://8.8.8.8/x"), AllowList.NONE))
                .isInstanceOf(TargetRefusedException.class).hasMessage("https required");
    }
}
