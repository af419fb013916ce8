package org.manfadh.platform.database;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded PostgreSQL (on a fresh data folder: initdb, then the server) on a thread of its own as soon as
 * the application context exists, before Spring reads the configuration classes and builds the web server: the
 * database then comes up beside that work instead of after it. {@link EmbeddedPostgresConfiguration} takes the
 * server when it makes its bean, or starts one itself when this did not run (contexts made without
 * {@code SpringApplication}).
 *
 * <p>Runs under the same condition as that configuration (no {@code spring.datasource.url}), with the settings read
 * from the same environment, once: a server it started and nobody took is stopped with the context.
 */
class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "manfadh.embeddedPostgresStarting";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().containsProperty("spring.datasource.url")
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)
                || beans.containsSingleton(BEAN_NAME)) {
            return;
        }
        Starting starting = new Starting(EmbeddedPostgresConfiguration.settings(context.getEnvironment()));
        beans.registerSingleton(BEAN_NAME, starting);
        beans.registerDisposableBean(BEAN_NAME, starting);
    }

    /** A server being started; its configuration takes it once. */
    static final class Starting implements DisposableBean {

        private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(EmbeddedPostgresServer.Settings settings) {
            Thread thread = new Thread(() -> {
                try {
                    server.complete(EmbeddedPostgresServer.start(settings));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
        }

        /** The server, once started; what its start threw otherwise, as if it had been started here. */
        EmbeddedPostgresServer take() throws IOException {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL started early has already been taken");
            }
            try {
                return server.join();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }

        /** Waits until the start has ended, however it ended. */
        void awaitStarted() {
            server.handle((started, failure) -> null).join();
        }

        /** The context closes (or failed to start) before the server was taken: stop it. */
        @Override
        public void destroy() {
            if (taken.compareAndSet(false, true)) {
                try {
                    server.join().close();
                } catch (CompletionException e) {
                    // it never started: nothing to stop
                }
            }
        }
    }
}
