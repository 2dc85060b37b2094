package org.civicloop.system.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-string corpus against every form and API that changes something: each POST, PUT and
 * PATCH endpoint the application maps (read from {@link RequestMappingHandlerMapping}, so a new one
 * cannot be forgotten), with every text field of its form, parameters or JSON body filled from the
 * Big List of Naughty Strings ({@code hostile/blns.json}, MIT, licence beside it) and our own Chinese
 * and encoding cases, as the first demo user the endpoint lets in. Asserts that no answer is a
 * server error and that a refused request (4xx) wrote nothing.
 *
 * <p>Every request runs in a savepoint that is rolled back, so the shared demo data stays as it was;
 * a refused request whose transaction was not marked for rollback (so the application would have
 * committed it) must have inserted, updated and deleted no row of any table (PostgreSQL's per-transaction
 * counters, {@code pg_stat_xact_user_tables}).
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final String BENIGN = "花溪区青岩镇路灯不亮了请尽快修理 Lamp 12";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    /** Demo users tried in turn until one is let in (null: anonymous). */
    private static final List<String> USERS = java.util.Arrays.asList(null, "office", "admin", "unit", "deputy", "station",
            "leader", "window", "approver", "evaluation", "enterprise", "invest");
    private static final Set<String> UNCOUNTED_TABLES = Set.of("spring_session", "spring_session_attributes",
            "event_publication", "event_publication_archive", "scheduled_tasks", "flyway_schema_history");

    private static final boolean FULL = Boolean.getBoolean("hostile.full");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    DemoFixture demo;
    @Autowired
    JsonMapper json;

    private final AtomicInteger address = new AtomicInteger();

    @Test
    void noHostileStringCausesAServerErrorOrAPartialWrite() throws Exception {
        List<Case> corpus = corpus();
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(50);
        String countSql = countSql();
        Map<String, CivicUser> users = new LinkedHashMap<>();
        for (String u : USERS) {
            if (u != null) {
                users.put(u, demo.user(u));
            }
        }
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger sent = new AtomicInteger();
        Random random = new Random(15);
        long started = System.nanoTime();

        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        outer.executeWithoutResult(o -> {
            o.setRollbackOnly();
            long baseline = 0;
            int index = 0;
            for (Endpoint e : endpoints) {
                index++;
                // the first user the endpoint lets in with harmless values, the likeliest first
                String who = null;
                boolean admitted = false;
                List<String> candidates = new ArrayList<>();
                candidates.add(likelyUser(e.pattern()));
                candidates.addAll(USERS);
                for (String u : candidates) {
                    int status = send(nested, e, u == null ? null : users.get(u), e.values(BENIGN, null), null, countSql, baseline, failures);
                    if (status != 401 && status != 403 && status != 302 && status != 404) {
                        who = u;
                        admitted = true;
                        break;
                    }
                }
                if (!admitted) {
                    who = "office";
                }
                CivicUser as = who == null ? null : users.get(who);
                // within the suite's time: the NUL case, one of our own cases and one BLNS string per endpoint,
                // rotating, so every case reaches many endpoints; -Dhostile.full=true sends them all
                List<Case> own = corpus.stream().filter(Case::own).toList();
                List<Case> blns = corpus.stream().filter(c -> !c.own()).toList();
                List<Case> cases = new ArrayList<>();
                if (FULL) {
                    cases.addAll(corpus);
                } else {
                    cases.add(own.get(0));
                    cases.add(own.get(1 + index % (own.size() - 1)));
                    cases.add(blns.get(random.nextInt(blns.size())));
                }
                for (Case c : cases) {
                    int status = send(nested, e, as, e.values(c.value(), null), c.label(), countSql, baseline, failures);
                    statuses.merge(status, 1, Integer::sum);
                    sent.incrementAndGet();
                }
                // one field at a time too long for any column, so that no other field's refusal hides it
                List<String> textFields = e.textFields();
                for (String field : FULL || textFields.isEmpty() ? textFields
                        : List.of(textFields.get(index % textFields.size()))) {
                    int status = send(nested, e, as, e.values(BENIGN, Map.of(field, LONG)), "10001 characters in " + field,
                            countSql, baseline, failures);
                    statuses.merge(status, 1, Integer::sum);
                    sent.incrementAndGet();
                }
            }
        });
        System.out.printf("Hostile input: %d endpoints, %d requests in %d s, statuses %s%n", endpoints.size(), sent.get(),
                (System.nanoTime() - started) / 1_000_000_000L, statuses);
        assertThat(failures).isEmpty();
    }

    private static String likelyUser(String pattern) {
        if (pattern.startsWith("/public") || pattern.startsWith("/o/") || pattern.startsWith("/open311") || pattern.equals("/login")) {
            return null;
        }
        if (pattern.startsWith("/admin") || pattern.startsWith("/deputies") || pattern.startsWith("/liaison")) {
            return "admin";
        }
        if (pattern.contains("work-order") || pattern.contains("/unit")) {
            return "unit";
        }
        if (pattern.startsWith("/services")) {
            return "window";
        }
        if (pattern.startsWith("/performance")) {
            return "evaluation";
        }
        return "office";
    }

    /** Sends one request in a savepoint that is rolled back; records a server error or a refused request that wrote. */
    private int send(TransactionTemplate nested, Endpoint e, CivicUser as, Map<String, String> values, String label,
                     String countSql, long baseline, List<String> failures) {
        Integer status = nested.execute(tx -> {
            tx.setRollbackOnly();
            long writesBefore = label == null ? 0 : writes(countSql);
            int s;
            try {
                MvcResult result = mvc.perform(e.request(values, json).with(csrf()).with(r -> {
                    int n = address.incrementAndGet();
                    r.setRemoteAddr("198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
                    return r;
                }).with(as == null ? r -> r : user(as))).andReturn();
                s = result.getResponse().getStatus();
            } catch (Exception ex) {
                s = 599;
            }
            if (label != null && s >= 500) {
                failures.add(e + " [" + label + "] as " + (as == null ? "anonymous" : as.getUsername()) + ": " + s);
            } else if (label != null && s >= 400) {
                ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
                if (holder == null || !holder.isRollbackOnly()) {
                    try {
                        long written = writes(countSql) - writesBefore;
                        if (written != 0) {
                            failures.add(e + " [" + label + "] refused with " + s + " but inserted, updated or deleted "
                                    + written + " rows");
                        }
                    } catch (RuntimeException ex) {
                        failures.add(e + " [" + label + "] refused with " + s + " after a database error it did not roll back");
                    }
                }
            }
            return s;
        });
        return status == null ? 599 : status;
    }

    private static final String LONG;

    static {
        StringBuilder b = new StringBuilder();
        String pattern = "路灯坏了😀Ｆｕｌｌ";
        while (b.codePointCount(0, b.length()) < 10_001) {
            b.append(pattern);
        }
        LONG = b.substring(0, b.offsetByCodePoints(0, 10_001));
    }

    /** BLNS plus our own cases: Chinese, encoding and invisible characters. */
    private List<Case> corpus() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("NUL", "路灯\u0000坏了很久", true));
        cases.add(new Case("only NUL", "\u0000", true));
        cases.add(new Case("control characters", "\u0001\u0007\u001b[31m红色\u007f\u0085", true));
        cases.add(new Case("RTL override", "\u202E路灯坏了 gnp.exe", true));
        cases.add(new Case("zero-width only", "\u200B\u200C\u200D\uFEFF\u2060\u200B\u200B", true));
        cases.add(new Case("4-byte emoji and rare ideographs", "😀🇨🇳𠮷𡃁𪚥 路灯坏了", true));
        cases.add(new Case("full-width", "ＡＢＣ１２３＜ｓｃｒｉｐｔ＞　全角空格", true));
        cases.add(new Case("GBK bytes read as Latin-1", new String("路灯坏了".getBytes(java.nio.charset.Charset.forName("GBK")),
                StandardCharsets.ISO_8859_1), true));
        cases.add(new Case("lone surrogate", "路灯\uD800坏了", true));
        cases.add(new Case("script", "<script>alert('路灯')</script>\"'><img src=x onerror=alert(1)>", true));
        cases.add(new Case("SQL", "1'; drop table opinion; -- 路灯", true));
        cases.add(new Case("line separators", "第一行\u2028第二行\u2029第三行\r\n第四行", true));
        cases.add(new Case("2001 characters", "路".repeat(2001), true));
        try (InputStream in = getClass().getResourceAsStream("/hostile/blns.json")) {
            String[] blns = json.readValue(in, String[].class);
            for (int i = 0; i < blns.length; i++) {
                cases.add(new Case("blns#" + i, blns[i], false));
            }
        }
        return cases;
    }

    private record Case(String label, String value, boolean own) {
    }

    /** Every mapped POST, PUT and PATCH with the ids its path needs. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            for (RequestMethod method : methods) {
                if (method != RequestMethod.POST && method != RequestMethod.PUT && method != RequestMethod.PATCH) {
                    continue;
                }
                for (String pattern : m.getKey().getPatternValues()) {
                    if (pattern.startsWith("/error")) {
                        continue;
                    }
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, resolve(pattern), m.getValue()));
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::pattern));
        return endpoints;
    }

    /** The path with each variable replaced by an existing id of what the segment before it names. */
    private String resolve(String pattern) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String before = pattern.substring(0, matcher.start());
            String[] segments = before.split("/");
            String segment = segments.length == 0 ? "" : segments[segments.length - 1];
            matcher.appendReplacement(path, Matcher.quoteReplacement(idFor(matcher.group(1), segment)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String idFor(String variable, String segment) {
        String v = variable.toLowerCase();
        if (v.contains("token")) {
            return "wangjg2026hx";
        }
        if (v.equals("code") && segment.contains("opinion")) {
            return jdbc.sql("select receipt_code from opinion order by id limit 1").query(String.class).single();
        }
        for (String table : tables(v, segment)) {
            boolean exists = jdbc.sql("select exists (select 1 from information_schema.columns where table_schema = current_schema()"
                    + " and table_name = :t and column_name = 'id')").param("t", table).query(Boolean.class).single();
            if (exists) {
                Long id = jdbc.sql("select min(id) from " + table).query(Long.class).optional().orElse(null);
                if (id != null) {
                    return String.valueOf(id);
                }
            }
        }
        return "1";
    }

    private static List<String> tables(String variable, String segment) {
        List<String> names = new ArrayList<>();
        String s = segment.replace('-', '_');
        String singular = s.endsWith("ies") ? s.substring(0, s.length() - 3) + "y" : s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
        Map<String, String> known = Map.ofEntries(Map.entry("unit", "org_unit"), Map.entry("order", "work_order"),
                Map.entry("work_order", "work_order"), Map.entry("site", "liaison_site"), Map.entry("account", "account"),
                Map.entry("partner", "open311_partner"), Map.entry("case", "service_case"), Map.entry("application", "service_case"),
                Map.entry("orderid", "work_order"), Map.entry("opinionid", "opinion"), Map.entry("suggestionid", "suggestion"));
        names.add(known.getOrDefault(variable, variable));
        names.add(known.getOrDefault(singular, singular));
        names.add(singular);
        return names;
    }

    /**
     * Rows inserted, updated and deleted so far by this transaction in every table but the session
     * store's and the scheduler's: PostgreSQL counts them as they happen, so a refused request that
     * wrote anything (even an update that leaves the row count alone) shows.
     */
    private String countSql() {
        return "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint from pg_stat_xact_user_tables"
                + " where relname not in (" + UNCOUNTED_TABLES.stream().map(t -> "'" + t + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    private long writes(String countSql) {
        return jdbc.sql(countSql).query(Long.class).single();
    }

    /** One mapped endpoint, with the fields its handler reads. */
    private static final class Endpoint {
        private final HttpMethod method;
        private final String pattern;
        private final String path;
        private final Map<String, Class<?>> fields = new LinkedHashMap<>();
        private final Map<String, Class<?>> bodyFields = new LinkedHashMap<>();
        private boolean jsonBody;
        private final boolean multipart;

        Endpoint(HttpMethod method, String pattern, String path, HandlerMethod handler) {
            this.method = method;
            this.pattern = pattern;
            this.path = path;
            boolean multi = false;
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestHeader.class)) {
                    continue;
                }
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    jsonBody = true;
                    properties(type, bodyFields);
                    continue;
                }
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (MultipartFile.class.isAssignableFrom(type) || org.springframework.web.multipart.MultipartRequest.class.isAssignableFrom(type)
                        || type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType())) {
                    multi = true;
                    continue;
                }
                if (param != null || BeanUtils.isSimpleProperty(type)) {
                    if (Map.class.isAssignableFrom(type) || framework(type)) {
                        continue;
                    }
                    String name = param != null && !param.name().isEmpty() ? param.name() : p.getParameterName();
                    if (name != null) {
                        fields.put(name, Collection.class.isAssignableFrom(type) || type.isArray() ? String.class : type);
                    }
                    continue;
                }
                if (!framework(type)) {
                    properties(type, fields);
                    multi |= fields.values().stream().anyMatch(MultipartFile.class::isAssignableFrom);
                }
            }
            fields.values().removeIf(MultipartFile.class::isAssignableFrom);
            this.multipart = multi;
        }

        String pattern() {
            return pattern;
        }

        private static boolean framework(Class<?> type) {
            String n = type.getName();
            return n.startsWith("jakarta.") || n.startsWith("org.springframework.") || n.startsWith("java.security.")
                    || n.equals("java.util.Locale") || n.equals("org.civicloop.organization.CivicUser")
                    || n.startsWith("java.io.") || n.equals("java.time.ZoneId");
        }

        private static void properties(Class<?> type, Map<String, Class<?>> into) {
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    into.put(c.getName(), elementType(c.getType()));
                }
                return;
            }
            for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        into.putIfAbsent(f.getName(), elementType(f.getType()));
                    }
                }
            }
        }

        private static Class<?> elementType(Class<?> type) {
            return Collection.class.isAssignableFrom(type) || (type.isArray() && type != byte[].class) ? String.class : type;
        }

        List<String> textFields() {
            Map<String, Class<?>> all = jsonBody ? bodyFields : fields;
            return all.entrySet().stream().filter(f -> f.getValue() == String.class).map(Map.Entry::getKey).toList();
        }

        /** Every field with a value of its type; text fields get {@code text} unless {@code overrides} names them. */
        Map<String, String> values(String text, Map<String, String> overrides) {
            Map<String, String> values = new LinkedHashMap<>();
            (jsonBody ? bodyFields : fields).forEach((name, type) -> {
                String v = value(type, overrides == null ? text : overrides.getOrDefault(name, BENIGN));
                if (v != null) {
                    values.put(name, v);
                }
            });
            if (pattern.startsWith("/open311/")) {
                values.put("api_key", "demo-open311-key-huaxi-2026");
            }
            return values;
        }

        private static String value(Class<?> type, String text) {
            if (type == String.class || type == Object.class) {
                return text;
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class || type == BigDecimal.class) {
                return "1";
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return "1.5";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true";
            }
            if (type.isEnum()) {
                return type.getEnumConstants().length == 0 ? null : ((Enum<?>) type.getEnumConstants()[0]).name();
            }
            if (type == LocalDate.class) {
                return "2026-12-01";
            }
            if (type == LocalDateTime.class) {
                return "2026-12-01T09:30";
            }
            if (type == LocalTime.class) {
                return "09:30";
            }
            if (type == YearMonth.class) {
                return "2026-12";
            }
            if (type == java.time.Year.class) {
                return "2026";
            }
            if (type == UUID.class) {
                return UUID.randomUUID().toString();
            }
            return null;
        }

        AbstractMockHttpServletRequestBuilder<?> request(Map<String, String> values, JsonMapper json) {
            boolean machine = path.startsWith("/api/") || path.startsWith("/public/api/") || path.startsWith("/open311/");
            AbstractMockHttpServletRequestBuilder<?> r;
            if (multipart) {
                r = MockMvcRequestBuilders.multipart(method, path);
            } else {
                r = MockMvcRequestBuilders.request(method, path);
            }
            r.accept(machine ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
            if (jsonBody) {
                Map<String, Object> body = new LinkedHashMap<>();
                values.forEach((k, v) -> {
                    Class<?> type = bodyFields.get(k);
                    body.put(k, type == null || type == String.class || type == Object.class ? v
                            : type == boolean.class || type == Boolean.class ? Boolean.valueOf(v)
                            : v.matches("-?\\d+") ? Long.valueOf(v) : v);
                });
                r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(body));
            } else {
                if (!multipart) {
                    r.contentType(MediaType.APPLICATION_FORM_URLENCODED);
                }
                values.forEach(r::param);
            }
            return r;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
