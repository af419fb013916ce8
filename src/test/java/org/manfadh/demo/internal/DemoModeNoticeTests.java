package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The demo's banner in the log: that it is the demo, its published password, and where it listens. */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeNoticeTests {

    private static WebServerInitializedEvent servingOn(int port) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return null;
            }
        };
    }

    @Test
    void saysItListensOnThisMachineOnlyWhenTheGuardChoseLoopback(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource(DemoModeGuard.DEFAULTS,
                Map.of("server.address", "127.0.0.1")));

        new DemoModeNotice(environment).serving(servingOn(8080));

        assertThat(output.getOut() + output.getErr()).contains("DEMO MODE", "'manfadh-demo'",
                "Listening on this machine only: http://localhost:8080", "set server.address",
                "Production sets manfadh.demo=false");
    }

    @Test
    void saysWhereItListensWhenServerAddressIsSet(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "0.0.0.0");

        new DemoModeNotice(environment).serving(servingOn(9090));

        assertThat(output.getOut() + output.getErr()).contains("DEMO MODE", "listening on 0.0.0.0:9090 as "
                + "server.address says").doesNotContain("this machine only");
    }
}
