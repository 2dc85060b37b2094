package org.civicloop.shared;

import java.util.List;

/**
 * Lines a module wants printed under the URL once CivicLoop is ready (for example the demo
 * logins). Each line is a message key and its arguments; the report prints them in Chinese.
 */
public interface StartupNotice {

    List<Line> lines();

    record Line(String messageKey, Object... arguments) {
    }
}
