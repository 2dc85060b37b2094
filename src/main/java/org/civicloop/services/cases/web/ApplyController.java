package org.civicloop.services.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.MaterialFiles;
import org.civicloop.services.cases.domain.MaterialFiles.Upload;
import org.civicloop.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applying for a combined service, by the enterprise online or by the window for an applicant in
 * front of it (citizens apply at the window): choose the service, answer its scenario questions (one
 * GET form that grows as they are answered, no JavaScript needed), then one form with exactly the
 * applicable fields, each once, and the materials to upload (waived ones shown as 免提交 with their
 * source), sent once. Request parameters: {@code a-<question>}, {@code f-<field>}, files
 * {@code m-<material>}; the form carries a fresh {@code submissionKey} so that a second send makes
 * nothing new.
 */
@Controller
@PreAuthorize("hasAnyRole('ENTERPRISE', 'WINDOW_CLERK')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApplyController {

    private final CaseService service;
    private final ServiceCatalogue catalogue;
    private final MaterialFiles files;
    private final MessageSource messages;

    @GetMapping("/services/apply")
    String services(@AuthenticationPrincipal CivicUser user, Model model) {
        boolean online = service.permissions().mayApplyOnline(user);
        model.addAttribute("services", catalogue.all().stream().filter(s -> !s.withdrawn())
                .filter(s -> !online || s.definition().applicant() == ServiceDefinition.Applicant.ENTERPRISE)
                .map(ServiceCatalogue.StoredDefinition::definition).toList());
        model.addAttribute("online", online);
        return "services/cases/apply-list";
    }

    @GetMapping("/services/apply/{code}")
    String form(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
                @AuthenticationPrincipal CivicUser user, Model model) {
        Map<String, String> answers = prefixed(params, "a-");
        Map<String, String> values = new LinkedHashMap<>();
        return page(code, answers, values, defaultApplicant(user), "", false, List.of(), user, model);
    }

    @PostMapping("/services/apply/{code}")
    String submit(@PathVariable String code, MultipartHttpServletRequest request, @AuthenticationPrincipal CivicUser user,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        MultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        request.getParameterMap().forEach((k, v) -> params.addAll(k, List.of(v)));
        Map<String, String> answers = prefixed(params, "a-");
        Map<String, String> values = prefixed(params, "f-");
        List<Upload> uploads = uploads(request, "m-");
        String name = params.getFirst("applicantName");
        String phone = params.getFirst("applicantPhone");
        boolean consent = "true".equals(params.getFirst("consent"));
        String key = params.getFirst("submissionKey");
        try {
            long id = service.apply(new CaseService.Application(code, answers, values, uploads, name, phone, consent, key), user,
                    Instant.now());
            flash.addFlashAttribute("done", "services.case.submitted");
            return "redirect:/services/cases/" + id;
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("submissionKey", key);
            return page(code, answers, values, name, phone, consent, e.problems(), user, model);
        }
    }

    private String page(String code, Map<String, String> answers, Map<String, String> values, String name, String phone,
                        boolean consent, List<InvalidInput.Problem> problems, CivicUser user, Model model) {
        var stored = service.offered(code);
        ServiceDefinition d = stored.definition();
        var applicable = d.applicableTo(answers);
        model.addAttribute("definition", d);
        model.addAttribute("questions", d.questionsFor(applicable.answers()));
        model.addAttribute("answers", applicable.answers());
        model.addAttribute("applicable", applicable);
        model.addAttribute("values", values);
        model.addAttribute("applicantName", name);
        model.addAttribute("applicantPhone", phone);
        model.addAttribute("consent", consent);
        model.addAttribute("problems", problems);
        model.addAttribute("problemFields", problems.stream().map(InvalidInput.Problem::field).toList());
        boolean online = service.permissions().mayApplyOnline(user);
        model.addAttribute("problemLabels", problemLabels(applicable, online));
        model.addAttribute("online", online);
        model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
        if (!model.containsAttribute("submissionKey") || model.getAttribute("submissionKey") == null) {
            model.addAttribute("submissionKey", UUID.randomUUID().toString());
        }
        return "services/cases/apply";
    }

    /**
     * The label of each control a problem can sit on, as the form shows it, so that the summary at the
     * top says which field ("联系电话：请填写…"); the scenario questions' message names them already.
     */
    private Map<String, String> problemLabels(ServiceDefinition.Applicable applicable, boolean online) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("applicantName", messages.getMessage(online ? "services.case.applicant.enterprise" : "services.case.applicant.name",
                null, locale));
        labels.put("applicantPhone", messages.getMessage("services.case.applicant.phone", null, locale));
        labels.put("consent", messages.getMessage("services.case.consentLabel", null, locale));
        applicable.fields().forEach(f -> labels.put("field-" + f.code(), f.label()));
        applicable.materials().forEach(m -> labels.put("material-" + m.code(), m.name()));
        return labels;
    }

    private static String defaultApplicant(CivicUser user) {
        return user.hasRole(org.civicloop.organization.Role.ENTERPRISE) ? user.displayName() : "";
    }

    static Map<String, String> prefixed(MultiValueMap<String, String> params, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix) && v != null && !v.isEmpty()) {
                out.put(k.substring(prefix.length()), v.get(0));
            }
        });
        return out;
    }

    static List<Upload> uploads(MultipartHttpServletRequest request, String prefix) {
        List<Upload> uploads = new ArrayList<>();
        for (Map.Entry<String, MultipartFile> e : request.getFileMap().entrySet()) {
            if (e.getKey().startsWith(prefix) && !e.getValue().isEmpty()) {
                try {
                    uploads.add(new Upload(e.getKey().substring(prefix.length()), e.getValue().getOriginalFilename(),
                            e.getValue().getBytes()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
        return uploads;
    }
}
