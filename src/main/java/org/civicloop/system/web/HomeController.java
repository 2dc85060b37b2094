package org.civicloop.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public front page, the sign-in page, the staff workbench and the language switch. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/workbench")
    String workbench() {
        return "workbench";
    }

    /**
     * The language switch: the locale interceptor has already stored {@code lang}; go back to the
     * page the user came from, but only to a path on this site.
     */
    @GetMapping("/locale")
    String switchLocale(@RequestParam(name = "back", required = false) String back, HttpServletRequest request) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        return "redirect:" + target;
    }
}
