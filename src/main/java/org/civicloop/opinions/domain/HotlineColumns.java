package org.civicloop.opinions.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code civicloop.opinions.hotline.*}: the column names of the 12345 hotline's export, which each
 * province's hotline system names in its own way. The defaults are in {@code application.properties}.
 */
@ConfigurationProperties("civicloop.opinions.hotline")
public record HotlineColumns(String ticket,
                             String content,
                             String category,
                             String place,
                             String placeDetail,
                             String name,
                             String phone) {
}
