package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash's work (ADR 0072): the product hashes new passwords with bcrypt at cost 10 unless
 * {@code aftercare.security.bcrypt-cost} says otherwise, and checks every stored hash at the cost written into it, so
 * the test profile's cost 4 (which makes the suite's Basic sign-ins cheap) changes nothing a real database holds.
 */
class PasswordCostTest {

    @Test
    void theShippedConfigurationHashesAtCostTen() throws Exception {
        Value value = SecurityConfig.class.getDeclaredMethod("passwordEncoder", int.class).getParameters()[0]
                .getAnnotation(Value.class);
        StandardEnvironment shipped = new StandardEnvironment();
        for (String file : new String[] {"application.yml", "application-demo.yml", "application-postgres.yml",
                "application-keycloak.yml"}) {
            load(shipped, file);
        }
        String cost = shipped.resolvePlaceholders(value.value());
        assertThat(cost).as("bcrypt cost of the shipped configuration (every profile)").isEqualTo("10");

        PasswordEncoder encoder = encoder(Integer.parseInt(cost));
        assertThat(encoder.encode("a-password")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void aStoredHashIsCheckedAtItsOwnCostWhateverTheSetting() {
        String shippedHash = encoder(10).encode("a-password");
        PasswordEncoder cheap = encoder(4);
        assertThat(cheap.encode("a-password")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheap.matches("a-password", shippedHash)).isTrue();
        assertThat(cheap.matches("another", shippedHash)).isFalse();
        assertThat(encoder(10).matches("a-password", cheap.encode("a-password"))).isTrue();
        // a hash without the {id} prefix is refused as before (Spring's factory encoder decides)
        assertThatThrownBy(() -> cheap.matches("a-password", new BCryptPasswordEncoder().encode("a-password")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCostOutsideBcryptsRangeStopsTheStart() {
        assertThatThrownBy(() -> encoder(3)).hasMessageContaining("aftercare.security.bcrypt-cost");
        assertThatThrownBy(() -> encoder(32)).hasMessageContaining("aftercare.security.bcrypt-cost");
    }

    private static PasswordEncoder encoder(int cost) {
        return new SecurityConfig(null, 60, null, "", "local", "").passwordEncoder(cost);
    }

    private static void load(StandardEnvironment environment, String file) throws IOException {
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                .forEach(source -> environment.getPropertySources().addLast(source));
    }
}
