package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.mock.env.MockEnvironment;

class DemoModeGuardTests {

    private static final String EXTERNAL = "jdbc:postgresql://db.example:5432/manfadh";

    @Test
    void makesTheDemoTheDefaultOnThisMachineOnlyWhenNoDatabaseIsConfigured() {
        assertThat(DemoModeGuard.defaults(new MockEnvironment()))
                .isEqualTo(Map.of("manfadh.demo", "true", "server.address", "127.0.0.1"));
    }

    @Test
    void refusesAnExternalDatabaseWhileDemoModeIsLeftToItsDefault() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", EXTERNAL + "?user=manfadh&password=secret");

        assertThatThrownBy(() -> DemoModeGuard.defaults(env))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("spring.datasource.url=" + EXTERNAL)
                .hasMessageContaining("manfadh.demo is not set")
                .hasMessageNotContaining("secret");
    }

    @Test
    void takesAnExternalDatabaseWithDemoModeChosenExplicitly() {
        assertThat(DemoModeGuard.defaults(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty("manfadh.demo", "false"))).isEmpty();
        assertThat(DemoModeGuard.defaults(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty("manfadh.demo", "true"))).isEqualTo(Map.of("server.address", "127.0.0.1"));
    }

    @Test
    void listensWhereServerAddressSaysEvenInDemoMode() {
        assertThat(DemoModeGuard.defaults(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .isEqualTo(Map.of("manfadh.demo", "true"));
    }

    @Test
    void leavesTheAddressAloneOutsideDemoMode() {
        assertThat(DemoModeGuard.defaults(new MockEnvironment().withProperty("manfadh.demo", "false"))).isEmpty();
    }
}
