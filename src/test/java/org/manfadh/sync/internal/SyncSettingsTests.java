package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.mock.env.MockEnvironment;

class SyncSettingsTests {

    private final SyncConfiguration configuration = new SyncConfiguration();

    /** As Spring Boot prepares it: durations like {@code 60s} convert. */
    private static MockEnvironment env() {
        MockEnvironment env = new MockEnvironment();
        env.setConversionService(new ApplicationConversionService());
        return env;
    }

    @Test
    void isHeadquartersWithTheDefaultIntervalWhenNothingIsSet() {
        SyncSettings settings = configuration.syncSettings(env());
        assertThat(settings.role()).isEqualTo(SyncSettings.Role.HQ);
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.batchSize()).isEqualTo(2000);
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void signsInAsTheDemoNodeInDemoModeOnly() {
        MockEnvironment post = env().withProperty("manfadh.node.role", "post")
                .withProperty("manfadh.sync.hq-url", "https://hq.example").withProperty("manfadh.demo", "true");
        assertThat(configuration.syncSettings(post).username()).isEqualTo("node");
        assertThat(configuration.syncSettings(post.withProperty("manfadh.demo", "false")).username()).isNull();
    }

    @Test
    void refusesAPostWithoutHeadquartersAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(
                env().withProperty("manfadh.node.role", "post"))).withMessageContaining("hq-url");
    }

    @Test
    void refusesAnUnknownRoleAndANonPositiveInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(
                env().withProperty("manfadh.node.role", "satellite"))).withMessageContaining("hq or post");
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(
                env().withProperty("manfadh.sync.interval", "0s")));
        assertThat(configuration.syncSettings(env().withProperty("manfadh.sync.interval", "5m")).interval())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(
                env().withProperty("manfadh.sync.timeout", "-1s"))).withMessageContaining("manfadh.sync.timeout");
        assertThat(configuration.syncSettings(env().withProperty("manfadh.sync.timeout", "30s")).timeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesPlainHttpToAnotherMachineOutsideDemoMode() {
        MockEnvironment post = env().withProperty("manfadh.node.role", "post")
                .withProperty("manfadh.sync.hq-url", "http://hq.example");
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(post))
                .withMessageContaining("https");
        assertThat(configuration.syncSettings(post.withProperty("manfadh.demo", "true")).hqUrl())
                .hasToString("http://hq.example");
        assertThat(configuration.syncSettings(env().withProperty("manfadh.node.role", "post")
                .withProperty("manfadh.sync.hq-url", "http://127.0.0.1:8080")).hqUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void takesPlainHttpToAnotherMachineWhenAllowedExplicitly() {
        MockEnvironment post = env().withProperty("manfadh.node.role", "post")
                .withProperty("manfadh.sync.hq-url", "http://10.8.0.1:8080").withProperty("manfadh.demo", "false");
        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(post))
                .isInstanceOf(UnsafeConfigurationException.class)
                .satisfies(e -> assertThat(((UnsafeConfigurationException) e).action()).contains("manfadh.sync.allow-http"));

        assertThat(configuration.syncSettings(post.withProperty("manfadh.sync.allow-http", "true")).hqUrl())
                .hasToString("http://10.8.0.1:8080");
    }

    @Test
    void refusesAPostThatWouldSignInWithTheDemoPasswordOutsideDemoMode() {
        MockEnvironment post = env().withProperty("manfadh.node.role", "post")
                .withProperty("manfadh.sync.hq-url", "https://hq.example").withProperty("manfadh.demo", "false")
                .withProperty("manfadh.sync.username", "node").withProperty("manfadh.sync.password", "manfadh-demo");

        assertThatIllegalArgumentException().isThrownBy(() -> configuration.syncSettings(post))
                .isInstanceOf(UnsafeConfigurationException.class)
                .withMessageContaining("demo password");
        assertThat(configuration.syncSettings(post.withProperty("manfadh.sync.password", "issued-by-headquarters"))
                .password()).isEqualTo("issued-by-headquarters");
        assertThat(configuration.syncSettings(post.withProperty("manfadh.demo", "true")
                .withProperty("manfadh.sync.password", "manfadh-demo")).password()).isEqualTo("manfadh-demo");
    }
}
