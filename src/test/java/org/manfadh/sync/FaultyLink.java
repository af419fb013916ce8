package org.manfadh.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between a post and headquarters that, when told to, breaks connections: refused at
 * once, cut in the middle of the request, cut after headquarters answered but before the post
 * hears the answer, or stalled part way into the answer (the connection stays open and nothing more
 * arrives, as over a satellite link that stops passing data without closing).
 */
final class FaultyLink implements AutoCloseable {

    enum Fault { NONE, REFUSE, CUT_REQUEST, LOSE_ANSWER, STALL_ANSWER }

    private final ServerSocket server;
    private final int upstreamPort;
    private final java.util.Map<Fault, AtomicInteger> faults = new java.util.EnumMap<>(Fault.class);
    private volatile double faultRate;
    private volatile boolean down;
    private volatile Random random = new Random(1);
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FaultyLink(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void faults(double rate, Random random) {
        this.random = random;
        this.faultRate = rate;
    }

    /** Refuses every connection from now on (true) as a link that is down does, until it is up again (false). */
    void down(boolean down) {
        this.down = down;
        if (down) {
            cutAll();
        }
    }

    /** Cuts every connection now open, as a link that goes down between two requests does. */
    void cutAll() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        open.clear();
    }

    /** The faults injected so far, by kind, e.g. {@code {REFUSE=2, STALL_ANSWER=1}}. */
    synchronized String faultsInjected() {
        return faults.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Fault fault = pick();
                Thread t = new Thread(() -> serve(client, fault), "faulty-link-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private synchronized Fault pick() {
        if (down) {
            return Fault.REFUSE;
        }
        if (random.nextDouble() >= faultRate) {
            return Fault.NONE;
        }
        Fault[] kinds = {Fault.REFUSE, Fault.CUT_REQUEST, Fault.LOSE_ANSWER, Fault.STALL_ANSWER};
        Fault fault = kinds[random.nextInt(kinds.length)];
        faults.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        return fault;
    }

    private void serve(Socket client, Fault fault) {
        try (client; Socket upstream = fault == Fault.REFUSE ? null
                : new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            if (upstream == null) {
                return;
            }
            long cutAfter = fault == Fault.CUT_REQUEST ? 200 + random.nextInt(2000) : Long.MAX_VALUE;
            Thread up = new Thread(() -> pump(client, upstream, cutAfter), "faulty-link-up");
            up.setDaemon(true);
            up.start();
            if (fault == Fault.STALL_ANSWER) {
                stall(upstream, client, random.nextBoolean());
            } else {
                pump(upstream, client, fault == Fault.LOSE_ANSWER ? 0 : Long.MAX_VALUE);
            }
            up.join(1000);
        } catch (IOException | InterruptedException e) {
            // A broken link is what this class is for.
        }
    }

    /** Copies one direction up to {@code limit} bytes, then closes both sockets. */
    private static void pump(Socket from, Socket to, long limit) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            long sent = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int allowed = (int) Math.min(n, limit - sent);
                if (allowed > 0) {
                    out.write(buffer, 0, allowed);
                    out.flush();
                }
                sent += allowed;
                if (sent >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            // The other side went away.
        } finally {
            closeBoth(from, to);
        }
    }

    /**
     * Passes headquarters' answer until it stalls, before its first byte or just after its headers,
     * and keeps both connections open passing nothing more, until the post gives up and closes.
     */
    private static void stall(Socket from, Socket to, boolean afterHeaders) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int matched = 0;
            boolean passing = afterHeaders;
            int b;
            while ((b = in.read()) >= 0) {
                if (passing) {
                    out.write(b);
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        out.flush();
                        passing = false;
                    }
                }
            }
        } catch (IOException e) {
            // The post went away, as it should.
        } finally {
            closeBoth(from, to);
        }
    }

    private static void closeBoth(Socket one, Socket other) {
        try {
            one.close();
            other.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
