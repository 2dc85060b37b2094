package org.civicloop.system.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under their own paths only ({@code spring.web.resources.add-mappings=false} turns off
 * Boot's catch-all {@code /**}). With the catch-all, the resource chain asked the class path whether
 * every link a page writes ({@code /suggestions/123}, …) was a static file: on a page of 700 links
 * that was 0.5 s of jar look-ups per request. Now only {@code /css}, {@code /js}, {@code /img} and
 * {@code /webjars} links are looked at; webjars resolve without their version through the locator.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js", "img"}) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
        }
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
