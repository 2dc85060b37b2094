package org.civicloop.system.input;

import jakarta.servlet.http.HttpServletRequest;
import org.civicloop.system.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a person sees when {@link RequestTextFilter} refused what their browser sent: a 400 in
 * their language that says why (text not in UTF-8, or control characters), with a logged reference.
 */
@Controller
class InputRefusalController {

    static final String PATH = "/error/input";

    private final ErrorResponses errors;

    InputRefusalController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping(PATH)
    ModelAndView refused(HttpServletRequest request) {
        String key = request.getAttribute(RequestTextFilter.REFUSAL) instanceof String k ? k : RequestTextFilter.ENCODING;
        String ref = errors.logged(request, HttpStatus.BAD_REQUEST, key, null);
        return errors.page(request, HttpStatus.BAD_REQUEST, key, ref);
    }
}
