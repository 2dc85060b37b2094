package org.civicloop.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Test only, found by component scanning like the suite's other test beans: a public page whose
 * template fails while rendering (it calls a method on a model attribute that is not there), the
 * kind of error that happens after the controller returned, outside the controller advice.
 */
@Controller
class RenderErrorTestController {

    @GetMapping("/public/testing/render-error")
    String renderError() {
        return "testing/render-error";
    }

    @GetMapping("/public/testing/send-error")
    void sendError(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(409);
    }

    @GetMapping(ErrorInErrorPageTestFilter.PATH)
    void errorInErrorPage(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.sendError(500); // the container's error dispatch, which ErrorInErrorPageTestFilter makes fail
    }

    @GetMapping("/public/testing/controller-error")
    String controllerError() {
        throw new IllegalStateException("controller failed (test)");
    }
}
