package org.manfadh.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A post's requests to headquarters over a link that stalls: an answer that stops arriving fails
 * the request instead of holding the post, and an answer that arrives slowly but steadily does not.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadquartersTests {

    /** What the test server does once it has read a request. */
    private interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private ServerSocket server;
    private volatile Answer answer;
    private final CountDownLatch released = new CountDownLatch(1);
    private Headquarters headquarters;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread t = new Thread(() -> serve(socket));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        headquarters = new Headquarters(new SyncSettings(SyncSettings.Role.POST, "ZRB",
                URI.create("http://localhost:" + server.getLocalPort()), Duration.ofMinutes(1), "node", "secret", 10,
                Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws IOException {
        released.countDown();
        server.close();
        headquarters.destroy();
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            String line;
            while ((line = request.readLine()) != null && !line.isEmpty()) {
                // the request's headers; the tests send no body
            }
            answer.write(socket.getOutputStream());
        } catch (IOException | InterruptedException e) {
            // the post went away
        }
    }

    private static void head(OutputStream out, int length) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void failsARequestWhoseAnswerStopsArrivingAfterItsHeaders() {
        answer = out -> {
            head(out, 1000);
            out.write("{\"appliedSeq\":".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            released.await();
        };
        assertThatThrownBy(() -> headquarters.text(headquarters.request("/api/v1/sync/feed").GET().build()))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("stalled");
    }

    @Test
    void failsARequestWhoseAnswerNeverBegins() {
        answer = out -> released.await();
        assertThatThrownBy(() -> headquarters.text(headquarters.request("/api/v1/sync/feed").GET().build()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void takesAnAnswerThatArrivesSlowlyButSteadily() throws Exception {
        byte[] body = "[1,2,3,4,5,6,7,8]".getBytes(StandardCharsets.US_ASCII);
        answer = out -> {
            head(out, body.length);
            for (int i = 0; i < body.length; i += 4) {
                Thread.sleep(400);
                out.write(body, i, Math.min(4, body.length - i));
                out.flush();
            }
        };
        // Two seconds in all, over twice the allowed pause, but no pause as long as it.
        assertThat(headquarters.text(headquarters.request("/api/v1/sync/feed").GET().build()))
                .isEqualTo("[1,2,3,4,5,6,7,8]");
    }

    @Test
    void doesNotCountThePostsOwnTimeBetweenReadsAsAStall() throws Exception {
        answer = out -> {
            head(out, 4);
            out.write("abcd".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
        try (InputStream in = headquarters.stream(headquarters.request("/api/v1/sync/feed").GET().build())) {
            assertThat(in.read()).isEqualTo('a');
            Thread.sleep(2_000);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("bcd");
        }
    }

    @Test
    void namesTheStatusOfARefusal() {
        answer = out -> {
            byte[] body = "{\"title\":\"Forbidden\"}".getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 403 Forbidden\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        };
        assertThatThrownBy(() -> headquarters.text(headquarters.request("/api/v1/sync/feed").GET().build()))
                .isInstanceOf(IOException.class).hasMessageContaining("403").hasMessageContaining("Forbidden");
    }
}
