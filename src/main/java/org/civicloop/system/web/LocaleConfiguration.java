package org.civicloop.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese unless the user chose English with the switch (a cookie). Pages ignore the browser's
 * Accept-Language on purpose: an office PC set to English still shows the Chinese UI its staff
 * expect. API clients, which have no switch, may ask for English with Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        return new CivicLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    static Locale supported(Locale requested) {
        if (requested == null) {
            return DEFAULT;
        }
        return requested.getLanguage().equals("en") ? Locale.ENGLISH
                : requested.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : DEFAULT;
    }

    static final class CivicLocaleResolver extends CookieLocaleResolver {

        CivicLocaleResolver() {
            super("civicloop-lang");
            // a malformed language cookie (sent by hand or by a tool) means no choice, not a server error
            setRejectInvalidCookies(false);
            setDefaultLocaleFunction(request -> {
                String path = ErrorResponses.originalPath(request);
                return ErrorResponses.isMachinePath(path) && request.getHeader("Accept-Language") != null
                        ? supported(request.getLocale()) : DEFAULT;
            });
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}
