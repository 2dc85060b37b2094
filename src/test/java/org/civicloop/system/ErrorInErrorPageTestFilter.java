package org.civicloop.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test only, found by component scanning like {@link RenderErrorTestController}: makes the error
 * page itself fail for one test address, as a broken error template or a filter on the error
 * dispatch would: an error in error handling.
 */
@Configuration(proxyBeanMethods = false)
class ErrorInErrorPageTestFilter {

    static final String PATH = "/public/testing/error-in-error-page";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorInErrorPageFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (PATH.equals(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
                    throw new IllegalStateException("the error page failed (test)");
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
