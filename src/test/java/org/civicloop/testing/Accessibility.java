package org.civicloop.testing;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page a browser shows, for every browser test that checks accessibility: the serious and
 * critical violations, one line each (rule, help, up to five elements), so that one run lists all to fix.
 *
 * <p>axe runs in the page itself ("legacy" mode: our pages hold no frames), and reports violations only:
 * the default mode opens a blank window for each check to merge the frames' results, and the passes of
 * every rule travel back to the test as well, which made each check take seconds on two shared cores.
 */
public final class Accessibility {

    private Accessibility() {
    }

    public static List<String> seriousViolations(WebDriver driver) {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().setLegacyMode(true).withOptions(options).analyze(driver);
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).limit(5).toList())
                .toList();
    }
}
