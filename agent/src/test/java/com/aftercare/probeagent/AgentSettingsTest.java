package com.aftercare.probeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    @Test
    void serverAndTokenFromTheCommandLine() {
        AgentSettings s = AgentSettings.parse(new String[] { "--server", "https://service.example.com/", "--token", "t0k" }, Map.of());

        assertThat(s.server().toString()).isEqualTo("https://service.example.com");
        assertThat(s.token()).isEqualTo("t0k");
        assertThat(s.allowLoopback()).isFalse();
    }

    @Test
    void orFromTheEnvironment() {
        AgentSettings s = AgentSettings.parse(new String[0],
                Map.of("AFTERCARE_AGENT_SERVER", "https://a.example.com", "AFTERCARE_AGENT_TOKEN", "env-token"));

        assertThat(s.server().getHost()).isEqualTo("a.example.com");
        assertThat(s.token()).isEqualTo("env-token");
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThatThrownBy(() -> AgentSettings.parse(new String[] { "--server", "http://service.example.com", "--token", "x" }, Map.of()))
                .isInstanceOf(AgentSettings.Invalid.class).hasMessageContaining("https");
        assertThat(AgentSettings.parse(new String[] { "--server", "http://127.0.0.1:8080", "--token", "x" }, Map.of()).server().getPort())
                .isEqualTo(8080);
    }

    @Test
    void aMissingTokenIsNamedAndNeverPrinted() {
        assertThatThrownBy(() -> AgentSettings.parse(new String[] { "--server", "https://a.example.com" }, Map.of()))
                .isInstanceOf(AgentSettings.Invalid.class).hasMessageContaining("--token is missing");
        assertThatThrownBy(() -> AgentSettings.parse(new String[] { "--server", "ftp://a", "--token", "secret-token" }, Map.of()))
                .hasMessageNotContaining("secret-token");
    }
}
