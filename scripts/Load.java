// A small HTTP load tool for scripts/benchmark, run as a single source file (java scripts/Load.java ...):
// nothing to download. Prints one line of key=value figures (requests, ok, rate, p50/p95/p99/max in ms).
//
//   java scripts/Load.java post  URL CLIENTS SECONDS BODY  [user:password]   BODY may hold {n}: a counter, and
//                                                                          {text}: the lines of the file named by
//                                                                          LOAD_TEXTS, taken in turn
//   java scripts/Load.java get   CLIENTS COUNT [user:password] URL [URL...]  URLs taken in turn
//   java scripts/Load.java postn CLIENTS COUNT [user:password] URL BODY [BODY...]  bodies taken in turn
//
// "ok" counts the 2xx answers; any other answer is counted in "failed" and its first status printed.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class Load {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (auth != null && auth.startsWith("cookie:")) {
            b.header("Cookie", auth.substring("cookie:".length()));
        } else if (auth != null) {
            b.header("Authorization", auth);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (auth != null && auth.startsWith("cookie:")) {
            b.header("Cookie", auth.substring("cookie:".length()));
        } else if (auth != null) {
            b.header("Authorization", auth);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
