package org.civicloop.services.cases.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.Deadlines;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.services.ServiceCaseEvents.ServiceCaseEvent;
import org.civicloop.services.catalogue.FieldValues;
import org.civicloop.services.catalogue.ServiceCatalogue;
import org.civicloop.services.catalogue.ServiceDefinition;
import org.civicloop.services.catalogue.ServiceDefinition.Applicable;
import org.civicloop.services.cases.domain.MaterialFiles.Upload;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications of combined services: applying (online or at the window), the window's check, the
 * departments' parallel decisions under their clocks, corrections, the unified issue of results and
 * the rating. Each command loads the application locked, asks {@link CasePermissions}, makes the
 * move, saves, moves the clocks and publishes the move's events, in one transaction. Times are passed
 * in (the pages pass now; the demo data its own times).
 *
 * <p>Form problems are reported all at once with the field they belong to: {@code questions}, {@code
 * field-<code>}, {@code material-<code>}, {@code applicantName}, {@code applicantPhone}, {@code consent}.
 */
@Service
@RequiredArgsConstructor
public class CaseService {

    /** The clock rule used when no {@code services.part.<n>wd} rule is configured for a part's days. */
    public static final String FALLBACK_RULE = "services.part.default";

    private final CaseRepository cases;
    private final MaterialFiles files;
    private final ServiceCatalogue catalogue;
    private final Directory directory;
    private final Deadlines deadlines;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final CasePermissions permissions = new CasePermissions();
    @Value("${civicloop.time-zone:Asia/Shanghai}")
    private final ZoneId zone;

    /**
     * One application as submitted: the service, the answers to its questions, the unified form's
     * values, the files, who applies (the window fills these for the applicant; online, the account's
     * name and the phone given), and the key the form carried so that a second send finds the first.
     */
    public record Application(String serviceCode, Map<String, String> answers, Map<String, String> values,
                              List<Upload> uploads, String applicantName, String applicantPhone, boolean consent,
                              String submissionKey) {
        public Application {
            answers = answers == null ? Map.of() : Map.copyOf(answers);
            values = values == null ? Map.of() : Map.copyOf(values);
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }
    }

    /** The definition offered for a new application, or 404. */
    @Transactional(readOnly = true)
    public ServiceCatalogue.StoredDefinition offered(String serviceCode) {
        return catalogue.offered(serviceCode).orElseThrow(() -> new NotFoundException("service", serviceCode));
    }

    /** The definition an application was made under. */
    @Transactional(readOnly = true)
    public ServiceDefinition definitionOf(ServiceCase c) {
        return catalogue.version(c.serviceCode(), c.serviceVersion()).orElseThrow().definition();
    }

    /**
     * Submits once: a second call with the same key (a double click, a resent form) answers the
     * application the first one made and makes nothing. Every problem is reported at once and
     * nothing is kept when there is one.
     */
    @Transactional
    public long apply(Application a, CivicUser user, Instant now) {
        boolean online = permissions.mayApplyOnline(user);
        if (!online && !permissions.mayApplyAtWindow(user)) {
            throw BusinessException.conflict("services.case.error.mayNotApply");
        }
        if (a.submissionKey() == null || !a.submissionKey().matches("[A-Za-z0-9-]{8,64}")) {
            throw BusinessException.invalid("services.case.error.submissionKey");
        }
        String key = user.accountId() + ":" + a.submissionKey();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('service_case:' || :k))").param("k", key).query().singleRow();
        var existing = cases.idBySubmissionKey(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        var stored = offered(a.serviceCode());
        ServiceDefinition d = stored.definition();
        Applicable applicable = d.applicableTo(a.answers());
        List<Problem> problems = new ArrayList<>();
        if (!applicable.complete()) {
            problems.add(new Problem("questions", "services.case.error.unanswered"));
        }
        Map<String, String> values = checkValues(applicable.fields(), a.values(), f -> true, problems);
        String name = a.applicantName() == null ? "" : a.applicantName().strip();
        String phone = a.applicantPhone() == null ? "" : a.applicantPhone().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new Problem("applicantName", "services.case.error.applicantName"));
        }
        if (!phone.matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}")) {
            problems.add(new Problem("applicantPhone", "services.case.error.applicantPhone"));
        }
        if (!a.consent()) {
            problems.add(new Problem("consent", "services.case.error.consent"));
        }
        List<Upload> uploads = checkUploads(applicable.toUpload().stream().map(ServiceDefinition.Material::code).toList(),
                a.uploads(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<ServiceCase.PartPlan> plans = applicable.parts().stream().map(p -> new ServiceCase.PartPlan(p.code(),
                directory.unitIdByName(p.unit()).orElseThrow(() -> BusinessException.conflict("services.case.error.unknownUnit", p.unit())).value(),
                p.unit(), p.item(), p.workingDays(), p.required())).toList();
        ServiceCase c = ServiceCase.submit(cases.nextReference(now.atZone(zone).toLocalDate()), d.code(), stored.version(),
                new ServiceCase.Applicant(online ? Channel.ONLINE : Channel.WINDOW, online ? user.accountId() : null, name, phone, true),
                key, user.accountId(), applicable.answers(), values, plans, now);
        cases.save(c);
        uploads.forEach(u -> files.store(c.id(), u, user.accountId(), now));
        events.publishEvent(c.submitted());
        return c.id();
    }

    /** 受理: every part starts now, each on its own clock. */
    @Transactional
    public void accept(long id, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        require(permissions.mayCheck(user, c));
        var event = c.accept(now);
        cases.save(c);
        for (CasePart p : c.parts()) {
            deadlines.start(ServiceCase.CLOCK_SUBJECT, c.clockId(p.code()), p.ruleKey(), FALLBACK_RULE, now);
        }
        events.publishEvent(event);
    }

    /** 一次性告知: everything missing, at once; the materials and fields must be the application's own. */
    @Transactional
    public void requestCorrection(long id, List<String> materials, List<String> fields, String note, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        require(permissions.mayCheck(user, c));
        Correction asked = correction(c, null, materials, fields, note, user, now);
        var event = c.requestCorrection(asked, now);
        cases.save(c);
        events.publishEvent(event);
    }

    /** 不予受理, with a reason chosen from the list. */
    @Transactional
    public void refuse(long id, RefusalReason reason, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        require(permissions.mayCheck(user, c));
        var event = c.refuse(reason, now);
        cases.save(c);
        events.publishEvent(event);
    }

    /** 补正 by a department: every open part's clock stops until the applicant corrects. */
    @Transactional
    public void returnPart(long id, String partCode, List<String> materials, List<String> fields, String note, CivicUser user,
                           Instant now) {
        ServiceCase c = load(id, user);
        CasePart part = c.part(partCode).orElseThrow(() -> new NotFoundException("service-case-part", partCode));
        require(permissions.mayDecide(user, c, part));
        Correction asked = correction(c, partCode, materials, fields, note, user, now);
        var event = c.returnPart(partCode, asked, now);
        cases.save(c);
        for (CasePart p : c.parts()) {
            if (p.status().isOpen()) {
                deadlines.pause(ServiceCase.CLOCK_SUBJECT, c.clockId(p.code()), now);
            }
        }
        events.publishEvent(event);
    }

    /**
     * The applicant's corrections: a value for every field asked and a file for every material asked
     * (other fields are left as they were). During approval every open part's clock resumes now.
     */
    @Transactional
    public void correct(long id, Map<String, String> newValues, List<Upload> uploads, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        require(permissions.mayCorrect(user, c));
        Correction asked = c.openCorrection().orElseThrow();
        ServiceDefinition d = definitionOf(c);
        List<Problem> problems = new ArrayList<>();
        List<ServiceDefinition.Field> fields = asked.fields().stream().map(d::field).filter(java.util.Objects::nonNull).toList();
        Map<String, String> values = checkValues(fields, newValues == null ? Map.of() : newValues, f -> true, problems);
        List<Upload> kept = checkUploads(asked.materials(), uploads == null ? List.of() : uploads, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        boolean resume = c.status() == CaseStatus.AWAITING_APPLICANT;
        var event = c.correct(values, now);
        cases.save(c);
        kept.forEach(u -> files.store(c.id(), u, user.accountId(), now));
        if (resume) {
            for (CasePart p : c.parts()) {
                if (p.status().isOpen()) {
                    deadlines.resume(ServiceCase.CLOCK_SUBJECT, c.clockId(p.code()), now);
                }
            }
        }
        events.publishEvent(event);
    }

    @Transactional
    public void approve(long id, String partCode, String note, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        CasePart part = c.part(partCode).orElseThrow(() -> new NotFoundException("service-case-part", partCode));
        require(permissions.mayDecide(user, c, part));
        List<ServiceCaseEvent> moved = c.approvePart(partCode, note, now);
        cases.save(c);
        deadlines.stop(ServiceCase.CLOCK_SUBJECT, c.clockId(partCode), now);
        moved.forEach(events::publishEvent);
    }

    @Transactional
    public void reject(long id, String partCode, String reason, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        CasePart part = c.part(partCode).orElseThrow(() -> new NotFoundException("service-case-part", partCode));
        require(permissions.mayDecide(user, c, part));
        Set<String> open = c.parts().stream().filter(p -> p.status().isOpen()).map(CasePart::code).collect(Collectors.toSet());
        List<ServiceCaseEvent> moved = c.rejectPart(partCode, reason, now);
        cases.save(c);
        for (String code : open) {
            if (code.equals(partCode) || c.part(code).orElseThrow().status() == PartStatus.CANCELLED) {
                deadlines.stop(ServiceCase.CLOCK_SUBJECT, c.clockId(code), now);
            }
        }
        moved.forEach(events::publishEvent);
    }

    /** 统一出件: every result at once; publishes {@code ServiceCaseCompleted}. */
    @Transactional
    public void issue(long id, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        require(permissions.mayIssue(user, c));
        var event = c.issueResults(now);
        cases.save(c);
        events.publishEvent(event);
    }

    /** 好差评, once. */
    @Transactional
    public void rate(long id, RatingLevel level, String reason, CivicUser user, Instant now) {
        ServiceCase c = load(id, user);
        if (!permissions.mayRate(user, c) && c.rating() == null && c.status() == CaseStatus.COMPLETED) {
            throw BusinessException.conflict("services.case.error.notAllowed");
        }
        if (reason != null && reason.strip().length() > 500) {
            throw BusinessException.invalid("services.rating.error.reasonTooLong");
        }
        var event = c.rate(level, reason, now);
        cases.save(c);
        events.publishEvent(event);
    }

    /** The application, if this user may see it; else it does not exist for them (404). */
    @Transactional(readOnly = true)
    public ServiceCase view(long id, CivicUser user) {
        ServiceCase c = cases.find(id).orElseThrow(() -> new NotFoundException("service-case", id));
        if (!permissions.canView(user, c)) {
            throw new NotFoundException("service-case", id);
        }
        return c;
    }

    public CasePermissions permissions() {
        return permissions;
    }

    private ServiceCase load(long id, CivicUser user) {
        ServiceCase c = cases.lock(id).orElseThrow(() -> new NotFoundException("service-case", id));
        if (!permissions.canView(user, c)) {
            throw new NotFoundException("service-case", id);
        }
        return c;
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw BusinessException.conflict("services.case.error.notAllowed");
        }
    }

    private Correction correction(ServiceCase c, String partCode, List<String> materials, List<String> fields, String note,
                                  CivicUser user, Instant now) {
        ServiceDefinition d = definitionOf(c);
        Applicable applicable = d.applicableTo(c.answers());
        Set<String> known = applicable.toUpload().stream().map(ServiceDefinition.Material::code).collect(Collectors.toSet());
        Set<String> knownFields = applicable.fields().stream().map(ServiceDefinition.Field::code).collect(Collectors.toSet());
        List<String> m = materials == null ? List.of() : materials.stream().filter(known::contains).distinct().toList();
        List<String> f = fields == null ? List.of() : fields.stream().filter(knownFields::contains).distinct().toList();
        String n = note == null ? "" : note.strip();
        if (n.length() > 1000) {
            throw BusinessException.invalid("services.window.error.noteTooLong");
        }
        return new Correction(partCode, m, f, n, user.accountId(), now);
    }

    private static Map<String, String> checkValues(List<ServiceDefinition.Field> fields, Map<String, String> given,
                                                   Predicate<ServiceDefinition.Field> asked, List<Problem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ServiceDefinition.Field f : fields) {
            if (!asked.test(f)) {
                continue;
            }
            String raw = given.get(f.code());
            FieldValues.problem(f, raw).ifPresentOrElse(
                    key -> problems.add(new Problem("field-" + f.code(), key)),
                    () -> values.put(f.code(), FieldValues.normalise(f, raw)));
        }
        return values;
    }

    private List<Upload> checkUploads(List<String> wanted, List<Upload> given, List<Problem> problems) {
        List<Upload> kept = new ArrayList<>();
        for (String code : wanted) {
            Upload u = given.stream().filter(x -> code.equals(x.materialCode()) && x.bytes() != null && x.bytes().length > 0)
                    .findFirst().orElse(null);
            if (u == null) {
                problems.add(new Problem("material-" + code, "services.case.upload.missing"));
                continue;
            }
            files.problem(u).ifPresentOrElse(key -> problems.add(new Problem("material-" + code, key,
                    files.maxBytes() / (1024 * 1024))), () -> kept.add(u));
        }
        return kept;
    }
}
