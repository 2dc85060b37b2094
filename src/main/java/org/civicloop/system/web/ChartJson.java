package org.civicloop.system.web;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart data for the static chart scripts, written into a page as
 * {@code <script type="application/json" id="…" th:utext="${chartJson.write(chart)}">}: a data
 * block, not code, so the Content-Security-Policy needs no inline script. The characters that could
 * end the element or open a comment ({@code < > &}) and the JavaScript line separators are written as
 * {@code \\u} escapes, so text typed by users (unit names, service names) cannot break out of it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChartJson {

    private final JsonMapper json;

    public String write(Object data) {
        String text = json.writeValueAsString(data);
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
