// A small HTTP load tool for scripts/benchmark, run as a single source file (java scripts/Load.java ...):
// nothing to download. Prints one line of key=value figures (requests, ok, rate, p50/p95/p99/max in ms).
//
//   java scripts/Load.java post  URL CLIENTS SECONDS BODY  [user:password]   BODY may hold {n}: a counter, and
//                                                                          {text}: the lines of the file named by
//                                                                          LOAD_TEXTS, taken in turn; with
//                                                                          LOAD_SOURCES=N the connections come
//                                                                          from N loopback addresses in turn
//   java scripts/Load.java get   CLIENTS COUNT [user:password] URL [URL...]  URLs taken in turn
//   java scripts/Load.java postn CLIENTS COUNT [user:password] URL BODY [BODY...]  bodies taken in turn
//
// "ok" counts the 2xx answers; any other answer is counted in "failed" and its first status printed.
//
// Each client is a thread with one keep-alive HTTP/1.1 connection of its own on a plain socket (opened again when
// the server closes it). The JDK's HttpClient, used before, took about 0.45 ms of CPU a request (a third of a core
// at 700 submissions/s) on the two cores the application and its PostgreSQL share with this tool, while pgbench's
// C client measures the ceiling; this one takes about 0.1 ms (docs/benchmarks.md, "A lean load tool, and a stall
// once a minute").
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Load {

    static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();
    /** LOAD_SOURCES=N (2 to 254): the connections come from 127.0.0.1 to 127.0.0.N in turn, not all from one address. */
    static final int SOURCES = System.getenv("LOAD_SOURCES") == null ? 1
            : Math.max(1, Math.min(254, Integer.parseInt(System.getenv("LOAD_SOURCES"))));
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicLong counter = new AtomicLong();
    static final AtomicInteger failed = new AtomicInteger();
    static volatile String firstFailure = "";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "post" -> {
                String url = args[1];
                int clients = Integer.parseInt(args[2]);
                long seconds = Long.parseLong(args[3]);
                String body = args[4];
                String auth = args.length > 5 ? basic(args[5]) : null;
                List<String> texts = System.getenv("LOAD_TEXTS") == null ? List.of("")
                        : java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getenv("LOAD_TEXTS")));
                run(clients, seconds * 1000, Long.MAX_VALUE, i -> {
                    long n = counter.incrementAndGet();
                    return post(url, body.replace("{n}", String.valueOf(n)).replace("{text}", texts.get((int) (n % texts.size()))), auth);
                });
            }
            case "get" -> {
                int clients = Integer.parseInt(args[1]);
                long count = Long.parseLong(args[2]);
                String auth = !args[3].startsWith("http") ? basic(args[3]) : null;
                List<String> urls = Arrays.asList(args).subList(auth == null ? 3 : 4, args.length);
                run(clients, Long.MAX_VALUE, count, i -> get(urls.get((int) (i % urls.size())), auth));
            }
            case "postn" -> {
                int clients = Integer.parseInt(args[1]);
                long count = Long.parseLong(args[2]);
                String auth = basic(args[3]);
                String url = args[4];
                List<String> bodies = Arrays.asList(args).subList(5, args.length);
                run(clients, Long.MAX_VALUE, count, i -> post(url, bodies.get((int) (i % bodies.size())), auth));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    interface Call {
        int send(long i) throws Exception;
    }

    static void run(int clients, long millis, long count, Call call) throws Exception {
        long start = System.nanoTime();
        long deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : start + millis * 1_000_000;
        AtomicLong next = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] sizes = new int[clients];
        for (int t = 0; t < clients; t++) {
            long[] lat = new long[count == Long.MAX_VALUE ? 1 << 20 : (int) count];
            perThread.add(lat);
            int me = t;
            Thread th = new Thread(() -> {
                int n = 0;
                while (true) {
                    long i = next.getAndIncrement();
                    if (i >= count || System.nanoTime() >= deadline) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    try {
                        int status = call.send(i);
                        if (status / 100 != 2) {
                            failed.incrementAndGet();
                            if (firstFailure.isEmpty()) {
                                firstFailure = String.valueOf(status);
                            }
                            continue;
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (firstFailure.isEmpty()) {
                            firstFailure = e.toString();
                        }
                        continue;
                    }
                    if (n < lat.length) {
                        lat[n++] = System.nanoTime() - t0;
                    }
                }
                sizes[me] = n;
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(sizes).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread.get(t), 0, all, k, sizes[t]);
            k += sizes[t];
        }
        Arrays.sort(all);
        System.out.printf("ok=%d failed=%d seconds=%.1f rate=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f%s%n", total, failed.get(),
                seconds, total / seconds, pct(all, 50), pct(all, 95), pct(all, 99), total == 0 ? 0 : all[total - 1] / 1e6,
                firstFailure.isEmpty() ? "" : " first_failure=" + firstFailure.replace(' ', '_'));
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** user:password for HTTP Basic, or cookie:NAME=VALUE for a signed-in session. */
    static String basic(String userPassword) {
        if (userPassword.startsWith("cookie:")) {
            return userPassword;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    static int post(String url, String body, String auth) throws Exception {
        return send("POST", url, body.getBytes(StandardCharsets.UTF_8), auth);
    }

    static int get(String url, String auth) throws Exception {
        return send("GET", url, null, auth);
    }

    /** One request on this thread's connection; a connection the server closed, or that failed, is opened again next time. */
    static int send(String method, String url, byte[] body, String auth) throws IOException {
        URI uri = URI.create(url);
        Connection c = CONNECTION.get();
        if (c == null || !c.to(uri)) {
            c = new Connection(uri);
            CONNECTION.set(c);
        }
        try {
            int status = c.exchange(method, uri, body, auth);
            if (c.closed) {
                CONNECTION.remove();
            }
            return status;
        } catch (IOException e) {
            c.close();
            CONNECTION.remove();
            throw e;
        }
    }

    /** A keep-alive HTTP/1.1 connection: a request written whole, the answer's status read and its body skipped. */
    static final class Connection {
        final String host;
        final int port;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean closed;

        Connection(URI uri) throws IOException {
            host = uri.getHost();
            port = uri.getPort() < 0 ? 80 : uri.getPort();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            if (SOURCES > 1) {
                // each connection from its own loopback address: so many voters, so many addresses to the server
                socket.bind(new InetSocketAddress("127.0.0." + (1 + OPENED.getAndIncrement() % SOURCES), 0));
            }
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        boolean to(URI uri) {
            return uri.getHost().equals(host) && (uri.getPort() < 0 ? 80 : uri.getPort()) == port;
        }

        int exchange(String method, URI uri, byte[] body, String auth) throws IOException {
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
            if (auth != null && auth.startsWith("cookie:")) {
                head.append("Cookie: ").append(auth, "cookie:".length(), auth.length()).append("\r\n");
            } else if (auth != null) {
                head.append("Authorization: ").append(auth).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
            request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                request.writeBytes(body);
            }
            request.writeTo(out);
            out.flush();

            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = colon < 0 ? h : h.substring(0, colon).trim();
                String value = colon < 0 ? "" : h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else if (status / 100 != 1 && status != 204 && status != 304) {
                in.transferTo(OutputStream.nullOutputStream()); // the body runs to the end of the connection
                closed = true;
            }
            if (closed) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
