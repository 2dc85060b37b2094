package org.civicloop.testing;

import jakarta.servlet.Filter;
import java.util.Map;
import java.util.WeakHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Puts the application's own CSRF token repositories back after every test class. Spring Security's
 * MockMvc {@code csrf()} post-processor replaces the repository inside the live {@link CsrfFilter}
 * for good (with one keeping tokens in an HTTP session), and the one context is shared by every
 * integration test, real HTTP included: after a class that used it, an anonymous visit of the
 * sign-in page or of a public page created a session and the public form got no CSRF cookie.
 * Registered in {@code META-INF/spring.factories}.
 */
public class CsrfRepositoryRestorer implements TestExecutionListener {

    private static final Map<CsrfFilter, CsrfTokenRepository> ORIGINALS = new WeakHashMap<>();

    @Override
    public void prepareTestInstance(TestContext context) {
        synchronized (ORIGINALS) {
            for (CsrfFilter filter : csrfFilters(context.getApplicationContext())) {
                CsrfTokenRepository current = repository(filter);
                if (!ORIGINALS.containsKey(filter) && !isTestRepository(current)) {
                    ORIGINALS.put(filter, current);
                }
            }
        }
    }

    @Override
    public void afterTestClass(TestContext context) {
        if (!context.hasApplicationContext()) {
            return;
        }
        synchronized (ORIGINALS) {
            for (CsrfFilter filter : csrfFilters(context.getApplicationContext())) {
                CsrfTokenRepository original = ORIGINALS.get(filter);
                if (original != null && isTestRepository(repository(filter))) {
                    ReflectionTestUtils.setField(filter, "tokenRepository", original);
                }
            }
        }
    }

    private static Iterable<CsrfFilter> csrfFilters(ApplicationContext context) {
        java.util.List<CsrfFilter> found = new java.util.ArrayList<>();
        for (FilterChainProxy proxy : context.getBeansOfType(FilterChainProxy.class).values()) {
            for (SecurityFilterChain chain : proxy.getFilterChains()) {
                for (Filter filter : chain.getFilters()) {
                    if (filter instanceof CsrfFilter csrf) {
                        found.add(csrf);
                    }
                }
            }
        }
        return found;
    }

    private static CsrfTokenRepository repository(CsrfFilter filter) {
        return (CsrfTokenRepository) ReflectionTestUtils.getField(filter, "tokenRepository");
    }

    private static boolean isTestRepository(CsrfTokenRepository repository) {
        return repository != null && repository.getClass().getName().endsWith("$TestCsrfTokenRepository");
    }
}
