package org.manfadh.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.manfadh.ManfadhApplication;
import org.manfadh.ManfadhIntegrationTest;
import org.manfadh.platform.UnsafeConfigurationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Demo mode, as the application starts: on this machine only, and never assumed on a real database. */
@ManfadhIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoModeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void listensOnThisMachineOnlyInDemoMode() throws SocketException {
        assertThat(environment.getProperty("manfadh.demo", Boolean.class)).isTrue();
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");

        List<InetAddress> network = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
        for (InetAddress address : network) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2000);
                }
            }).as("reachable at " + address).isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesToStartOnAnExternalDatabaseUnlessDemoModeIsChosen(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(ManfadhApplication.class);

        assertThatThrownBy(() -> application.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/manfadh",
                "--server.port=0"))
                .isInstanceOf(UnsafeConfigurationException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "manfadh.demo is not set",
                "Set manfadh.demo=false for production");
    }
}
