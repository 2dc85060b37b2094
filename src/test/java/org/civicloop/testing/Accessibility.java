package org.civicloop.testing;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page a browser shows, for every browser test that checks accessibility: the serious and
 * critical violations, one line each (rule, help, up to five elements), so that one run lists all to fix.
 *
 * <p>axe runs in the page itself ("legacy" mode: our pages hold no frames), and reports violations only.
 * It is the axe-core that com.deque.html.axe-core:selenium bundles, run as that library's legacy mode runs
 * it ({@code axe.run(document, {resultTypes: ['violations']})}), but injected once per check: the library's
 * legacy mode sent the 560 kB script to the page twice per check, and asked for the page's frames and set
 * and reset the driver's timeouts around it, which took longer than the check itself on two shared cores.
 * Only the serious and critical violations travel back to the test.
 */
public final class Accessibility {

    private static final String AXE_SOURCE = axeSource();

    /** Calls back with the serious and critical violations, or with an object naming why axe failed. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' [' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') + ']')),
                error => done({axeFailed: String(error)}));""";

    private Accessibility() {
    }

    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(AXE_SOURCE);
        Object answer = page.executeAsyncScript(RUN);
        if (!(answer instanceof List<?> violations)) {
            throw new IllegalStateException("axe did not run on " + driver.getCurrentUrl() + ": " + answer);
        }
        return violations.stream().map(String::valueOf).toList();
    }

    private static String axeSource() {
        try {
            return new EmbeddedResourceAxeProvider().getScript();
        } catch (Exception e) {
            throw new IllegalStateException("axe-core's script is missing from com.deque.html.axe-core:selenium", e);
        }
    }
}
