package dev.migrator.benchmarks;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL that parses the client's side of the
 * wire protocol (v3) and counts what the client sends; the server's side is copied
 * through untouched.
 * <ul>
 * <li><b>round trips</b>: client bursts. A client message (other than Terminate) that
 * follows a reply of the server, i.e. sent after the client has waited for the server,
 * starts a new burst: one network round trip. Messages the client pipelines without
 * waiting (pgjdbc sends {@code BEGIN} as a simple Query in front of the next
 * extended-protocol query, a JDBC batch is many Parse/Bind/Execute with one Sync) stay in
 * one burst. The proxy forwards a burst to the server only once it has read all of it
 * that is available, so the server cannot answer mid-burst. The connection's start-up
 * exchange is one more round trip per connection (counted under {@link #connections()},
 * not here).</li>
 * <li><b>statements</b>: Execute ({@code 'E'}) messages plus simple Query messages.</li>
 * </ul>
 * The clients must connect with {@code sslmode=disable} (an SSLRequest answered 'N' is
 * handled, TLS is not).
 */
final class WireCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;

    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket server;

    private final String targetHost;

    private final int targetPort;

    private final AtomicLong bursts = new AtomicLong();

    private final AtomicLong syncs = new AtomicLong();

    private final AtomicLong queries = new AtomicLong();

    private final AtomicLong executes = new AtomicLong();

    private final AtomicLong connections = new AtomicLong();

    private final AtomicInteger open = new AtomicInteger();

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private volatile boolean recordSql;

    WireCounter(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "wire-counter-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return this.server.getLocalPort();
    }

    /**
     * Resets the counters (and starts recording the SQL text sent when
     * {@code recordSql}).
     */
    void reset(boolean recordSql) {
        this.bursts.set(0);
        this.syncs.set(0);
        this.queries.set(0);
        this.executes.set(0);
        this.connections.set(0);
        this.log.clear();
        this.recordSql = recordSql;
    }

    /**
     * Waits until every proxied connection has been closed by its client, so the counts
     * are complete.
     */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (this.open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (this.open.get() > 0) {
            throw new IllegalStateException(this.open.get() + " proxied connection(s) still open after 10 s");
        }
    }

    /** Client bursts after the connections' start-up: round trips. */
    long roundTrips() {
        return this.bursts.get();
    }

    /** Sync + simple Query messages (each makes the server send ReadyForQuery). */
    long syncsAndQueries() {
        return this.syncs.get() + this.queries.get();
    }

    long statements() {
        return this.executes.get() + this.queries.get();
    }

    long connections() {
        return this.connections.get();
    }

    List<String> sqlLog() {
        synchronized (this.log) {
            return List.copyOf(this.log);
        }
    }

    private void acceptLoop() {
        while (!this.server.isClosed()) {
            try {
                Socket client = this.server.accept();
                Socket upstream = new Socket(this.targetHost, this.targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                this.connections.incrementAndGet();
                this.open.incrementAndGet();
                AtomicBoolean serverSpoke = new AtomicBoolean();
                Thread down = new Thread(() -> pump(upstream, client, serverSpoke), "wire-counter-down");
                down.setDaemon(true);
                down.start();
                Thread up = new Thread(() -> {
                    try {
                        clientToServer(client, upstream, serverSpoke);
                    }
                    finally {
                        closeQuietly(client);
                        closeQuietly(upstream);
                        this.open.decrementAndGet();
                    }
                }, "wire-counter-up");
                up.setDaemon(true);
                up.start();
            }
            catch (IOException ex) {
                if (!this.server.isClosed()) {
                    System.err.println("wire counter: " + ex);
                }
            }
        }
    }

    private void clientToServer(Socket client, Socket upstream, AtomicBoolean serverSpoke) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
            // start-up phase: untyped messages (SSLRequest / GSSENCRequest answered by
            // one byte, then StartupMessage)
            while (true) {
                int length = in.readInt();
                byte[] body = new byte[length - 4];
                in.readFully(body);
                byte[] frame = new byte[length];
                putInt(frame, 0, length);
                System.arraycopy(body, 0, frame, 4, body.length);
                out.write(frame);
                out.flush();
                int code = (body.length >= 4) ? getInt(body, 0) : 0;
                if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                    break;
                }
            }
            byte[] header = new byte[5];
            while (true) {
                try {
                    in.readFully(header);
                }
                catch (EOFException eof) {
                    return;
                }
                char type = (char) header[0];
                int length = getInt(header, 1);
                if (type != 'X' && serverSpoke.getAndSet(false)) {
                    this.bursts.incrementAndGet();
                    if (this.recordSql) {
                        this.log.add("-- round trip " + this.bursts.get());
                    }
                }
                byte[] body = new byte[length - 4];
                in.readFully(body);
                switch (type) {
                    case 'S' -> {
                        this.syncs.incrementAndGet();
                    }
                    case 'Q' -> {
                        this.queries.incrementAndGet();
                        record("Q", body, 0);
                    }
                    case 'E' -> this.executes.incrementAndGet();
                    case 'P' -> {
                        // Parse: statement name (cstring), then the query (cstring)
                        int nameEnd = 0;
                        while (body[nameEnd] != 0) {
                            nameEnd++;
                        }
                        record("P", body, nameEnd + 1);
                    }
                    default -> {
                    }
                }
                out.write(header);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
        catch (IOException ex) {
            // a closed socket ends the connection
        }
    }

    private void record(String kind, byte[] body, int from) {
        if (!this.recordSql) {
            return;
        }
        int end = from;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        String sql = new String(body, from, end - from, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        this.log.add("   " + kind + " " + ((sql.length() > 140) ? sql.substring(0, 140) + "..." : sql));
    }

    private static void pump(Socket from, Socket to, AtomicBoolean serverSpoke) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                serverSpoke.set(true); // before the client can see the reply and answer
                                       // it
                out.write(buffer, 0, n);
                out.flush();
            }
        }
        catch (IOException ex) {
            // closed
        }
        finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static int getInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // ignore
        }
    }

    @Override
    public void close() throws IOException {
        this.server.close();
    }

}
