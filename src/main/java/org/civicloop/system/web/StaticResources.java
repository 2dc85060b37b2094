package org.civicloop.system.web;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under their own paths only ({@code spring.web.resources.add-mappings=false} turns off
 * Boot's catch-all {@code /**}). With the catch-all, the resource chain asked the class path whether
 * every link a page writes ({@code /suggestions/123}, …) was a static file: on a page of 700 links
 * that was 0.5 s of jar look-ups per request. Now only {@code /css}, {@code /js}, {@code /img} and
 * {@code /webjars} links are looked at; webjars resolve without their version through the locator.
 * <p>
 * Every link a page writes to them carries a hash of the file's content
 * ({@code /css/public-3f2a….css}, by {@link ResourceUrlEncodingFilter} through {@code @{…}}), so
 * a browser may keep them for a year without asking again: a changed file gets a new address. That is
 * what makes the public pages' second page cost only its HTML on a weak signal.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl LONG = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(LONG)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(LONG)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new LiteWebJarsResourceResolver());
    }

    /** Rewrites {@code @{/css/x.css}} in templates to the content-versioned address. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
