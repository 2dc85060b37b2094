package org.civicloop.services.catalogue.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.services.catalogue.CataloguePermissions;
import org.civicloop.services.catalogue.DefinitionFormat;
import org.civicloop.services.catalogue.DefinitionView;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceCatalogue.StoredDefinition;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 一件事目录: the administrator's catalogue of combined services (the window clerk reads it). A
 * definition is written as YAML in an editor beside the list of its problems, or imported as a
 * .json/.yaml/.yml file, and saved as a new version only when nothing is wrong; any version can be
 * exported; the offered version can be withdrawn. Saving and withdrawing go through {@link
 * ServiceCatalogue}, which audits them.
 */
@Controller
@RequestMapping("/services/catalogue")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CatalogueController {

    /** The largest definition file accepted for import. */
    static final int MAX_IMPORT_BYTES = 256 * 1024;
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final ServiceCatalogue catalogue;
    private final DefinitionFormat format;
    private final CataloguePermissions permissions;
    private final MessageSource messages;
    private final Directory directory;

    @GetMapping
    String list(@AuthenticationPrincipal CivicUser user, Model model) {
        requireView(user);
        model.addAttribute("services", catalogue.all().stream().map(s -> new Listed(s, new DefinitionView(s.definition()))).toList());
        model.addAttribute("can", permissions.actionsFor(user));
        model.addAttribute("maxImportKb", MAX_IMPORT_BYTES / 1024);
        return "services/catalogue/list";
    }

    /** A row of the list: the stored version and its view. */
    record Listed(StoredDefinition stored, DefinitionView view) {
    }

    @GetMapping("/{code}")
    String detail(@PathVariable String code, @RequestParam(required = false) Integer version,
                  @AuthenticationPrincipal CivicUser user, Model model) {
        requireView(user);
        StoredDefinition shown = (version == null ? catalogue.latest(code) : catalogue.version(code, version))
                .orElseThrow(() -> new NotFoundException("service-definition", code));
        model.addAttribute("stored", shown);
        model.addAttribute("d", shown.definition());
        model.addAttribute("view", new DefinitionView(shown.definition()));
        var versions = catalogue.versions(code);
        model.addAttribute("versions", versions);
        model.addAttribute("savedBy", versions.stream().filter(v -> v.savedBy() != null).map(ServiceCatalogue.VersionInfo::savedBy)
                .distinct().collect(java.util.stream.Collectors.toMap(id -> id, id -> directory.accountDisplayName(id).orElse(""))));
        model.addAttribute("latest", catalogue.latest(code).map(StoredDefinition::version).orElse(shown.version()));
        model.addAttribute("can", permissions.actionsFor(user));
        return "services/catalogue/detail";
    }

    @GetMapping("/new")
    String create(@AuthenticationPrincipal CivicUser user, Model model) throws IOException {
        requireEdit(user);
        String template = new ClassPathResource("services/definition-template.yaml").getContentAsString(StandardCharsets.UTF_8);
        return editor(model, null, template, null, false);
    }

    @GetMapping("/{code}/edit")
    String edit(@PathVariable String code, @AuthenticationPrincipal CivicUser user, Model model) {
        requireEdit(user);
        StoredDefinition latest = catalogue.latest(code).orElseThrow(() -> new NotFoundException("service-definition", code));
        return editor(model, code, format.write(latest.definition(), DefinitionFormat.Kind.YAML), null, false);
    }

    /** The editor's two buttons: check lists every problem and saves nothing; save stores a new version when there is none. */
    @PostMapping("/editor")
    String submit(@RequestParam(defaultValue = "") String yaml, @RequestParam(required = false) String editing,
                  @RequestParam(defaultValue = "check") String action, @AuthenticationPrincipal CivicUser user,
                  Locale locale, Model model, RedirectAttributes flash) {
        requireEdit(user);
        return checkOrSave(yaml, DefinitionFormat.Kind.YAML, editing, "save".equals(action), user, locale, model, flash);
    }

    @GetMapping("/new/form")
    String createForm(@AuthenticationPrincipal CivicUser user, Model model) {
        requireEdit(user);
        return form(model, DefinitionForm.empty(), List.of(), false);
    }

    @GetMapping("/{code}/form")
    String editForm(@PathVariable String code, @AuthenticationPrincipal CivicUser user, Model model) {
        requireEdit(user);
        StoredDefinition latest = catalogue.latest(code).orElseThrow(() -> new NotFoundException("service-definition", code));
        return form(model, DefinitionForm.of(latest.definition()), List.of(), false);
    }

    /**
     * The structured form's two buttons, as the YAML editor's: the form is read into a definition
     * (what cannot be read is a problem of its own), checked, and saved only when nothing is wrong.
     */
    @PostMapping("/form")
    String submitForm(DefinitionForm posted, @RequestParam(defaultValue = "check") String action,
                      @AuthenticationPrincipal CivicUser user, Locale locale, Model model, RedirectAttributes flash) {
        requireEdit(user);
        DefinitionFormConverter.Conversion read = DefinitionFormConverter.convert(posted);
        List<InvalidInput.Problem> problems = new java.util.ArrayList<>(read.problems());
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        read.problems().forEach(p -> unreadable.add(p.field()));
        // a value that could not be read is not also reported as out of range
        catalogue.check(read.definition()).stream().filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
        if (!problems.isEmpty() || !"save".equals(action)) {
            return form(model, read.form(), DefinitionProblems.show(problems, messages, locale), true);
        }
        try {
            int version = catalogue.save(read.definition(), user);
            flash.addFlashAttribute("savedVersion", version);
            return "redirect:/services/catalogue/" + read.definition().code();
        } catch (InvalidInput e) {
            return form(model, read.form(), DefinitionProblems.show(e.problems(), messages, locale), true);
        }
    }

    private String form(Model model, DefinitionForm form, List<DefinitionProblems.Shown> problems, boolean checked) {
        model.addAttribute("form", form.withBlankRows());
        model.addAttribute("problems", problems);
        model.addAttribute("rowProblems", DefinitionProblems.byRow(problems));
        model.addAttribute("checked", checked);
        model.addAttribute("applicants", ServiceDefinition.Applicant.values());
        model.addAttribute("fieldTypes", ServiceDefinition.FieldType.values());
        model.addAttribute("unitNames", directory.handlingUnits().stream().map(Directory.UnitRef::name).sorted().toList());
        return "services/catalogue/form";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, @AuthenticationPrincipal CivicUser user,
                      Locale locale, Model model, RedirectAttributes flash) throws IOException {
        requireEdit(user);
        if (file == null || file.isEmpty()) {
            return refused(model, "services.definition.emptyFile", locale);
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            return refused(model, "services.catalogue.import.tooLarge", locale, MAX_IMPORT_BYTES / 1024);
        }
        DefinitionFormat.Kind kind;
        try {
            kind = DefinitionFormat.kindOf(file.getOriginalFilename());
        } catch (InvalidInput e) {
            return refused(model, "services.definition.fileType", locale);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException e) {
            return refused(model, "services.catalogue.import.notUtf8", locale);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return checkOrSave(text, kind, null, true, user, locale, model, flash);
    }

    @GetMapping("/{code}/export")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) Integer version,
                                  @RequestParam(defaultValue = "yaml") String format,
                                  @AuthenticationPrincipal CivicUser user) {
        requireView(user);
        StoredDefinition s = (version == null ? catalogue.latest(code) : catalogue.version(code, version))
                .orElseThrow(() -> new NotFoundException("service-definition", code));
        boolean json = "json".equalsIgnoreCase(format);
        DefinitionFormat.Kind kind = json ? DefinitionFormat.Kind.JSON : DefinitionFormat.Kind.YAML;
        String ext = json ? ".json" : ".yaml";
        String title = s.definition().name() + "-v" + s.version() + ext;
        String ascii = code + "-v" + s.version() + ext;
        return ResponseEntity.ok()
                .contentType(json ? new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8) : YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(title, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(this.format.write(s.definition(), kind).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{code}/withdraw")
    String withdraw(@PathVariable String code, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        catalogue.withdraw(code, user);
        flash.addFlashAttribute("withdrawn", true);
        return "redirect:/services/catalogue/" + code;
    }

    private String checkOrSave(String text, DefinitionFormat.Kind kind, String editing, boolean save, CivicUser user,
                               Locale locale, Model model, RedirectAttributes flash) {
        String yaml = text;
        try {
            ServiceDefinition d = format.read(text, kind);
            if (kind == DefinitionFormat.Kind.JSON) {
                yaml = format.write(d, DefinitionFormat.Kind.YAML);
            }
            if (!save) {
                List<InvalidInput.Problem> problems = catalogue.check(d);
                return editor(model, editing, yaml, DefinitionProblems.show(problems, messages, locale), true);
            }
            int version = catalogue.save(d, user);
            flash.addFlashAttribute("savedVersion", version);
            return "redirect:/services/catalogue/" + d.code();
        } catch (InvalidInput e) {
            return editor(model, editing, yaml, DefinitionProblems.show(e.problems(), messages, locale), true);
        }
    }

    private String refused(Model model, String key, Locale locale, Object... args) {
        var problem = new InvalidInput.Problem("file", key, args);
        return editor(model, null, "", DefinitionProblems.show(List.of(problem), messages, locale), true);
    }

    private String editor(Model model, String editing, String yaml, List<DefinitionProblems.Shown> problems, boolean checked) {
        model.addAttribute("editing", editing);
        model.addAttribute("yaml", yaml);
        model.addAttribute("problems", problems == null ? List.of() : problems);
        model.addAttribute("checked", checked);
        model.addAttribute("maxImportKb", MAX_IMPORT_BYTES / 1024);
        model.addAttribute("unitNames", directory.handlingUnits().stream().map(Directory.UnitRef::name).sorted().toList());
        return "services/catalogue/editor";
    }

    private void requireView(CivicUser user) {
        if (!permissions.mayView(user)) {
            throw new AccessDeniedException("service catalogue");
        }
    }

    private void requireEdit(CivicUser user) {
        if (!permissions.mayEdit(user)) {
            throw new AccessDeniedException("service catalogue");
        }
    }
}
