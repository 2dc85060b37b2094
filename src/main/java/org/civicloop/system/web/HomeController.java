package org.civicloop.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public front page, the sign-in page, the staff workbench and the language switch. */
@Controller
class HomeController {

    static final String LARGE_TEXT_COOKIE = "civicloop-text";

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** How long sign-ins from an address stay throttled after too many failures (issue 15, item 8). */
    @org.springframework.beans.factory.annotation.Value("${civicloop.security.sign-in-throttle.window:15m}")
    private java.time.Duration throttleWindow;

    @GetMapping("/login")
    String login(org.springframework.ui.Model model) {
        model.addAttribute("throttleMinutes", Math.max(1, throttleWindow.toMinutes()));
        return "login";
    }

    @GetMapping("/workbench")
    String workbench() {
        return "workbench";
    }

    /** The public's large-text switch (适老化): works without JavaScript; remembered for a year. */
    @GetMapping("/public/text-size")
    String textSize(@RequestParam(name = "large", defaultValue = "false") boolean large,
                    @RequestParam(name = "back", required = false) String back,
                    jakarta.servlet.http.HttpServletResponse response) {
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(LARGE_TEXT_COOKIE, large ? "1" : "0");
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        return "redirect:" + safeBack(back);
    }

    private static String safeBack(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
    }

    /**
     * The language switch: the locale interceptor has already stored {@code lang}; go back to the
     * page the user came from, but only to a path on this site.
     */
    @GetMapping("/locale")
    String switchLocale(@RequestParam(name = "back", required = false) String back, HttpServletRequest request) {
        return "redirect:" + safeBack(back);
    }
}
