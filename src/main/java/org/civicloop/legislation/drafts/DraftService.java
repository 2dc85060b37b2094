package org.civicloop.legislation.drafts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.InvalidInput;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's work on drafts: register (text pasted or from a .docx), correct the split, open. */
@Service
@Transactional
public class DraftService {

    /** The site type of a grassroots legislative contact point. */
    public static final String POINT_TYPE = "LEGISLATIVE_POINT";

    private final DraftRepository drafts;
    private final LiaisonSites sites;
    private final ApplicationEventPublisher events;

    DraftService(DraftRepository drafts, LiaisonSites sites, ApplicationEventPublisher events) {
        this.drafts = drafts;
        this.sites = sites;
        this.events = events;
    }

    /** Registers a draft; every problem of the details and the text is listed at once, nothing is stored then. */
    public Draft register(CivicUser user, DraftDetails details, String text, Instant now) {
        requireOffice(user);
        List<Problem> problems = new ArrayList<>(details.problems());
        if (details.siteIds() != null) {
            for (long site : details.siteIds()) {
                if (sites.find(site).filter(s -> s.type().equals(POINT_TYPE)).isEmpty()) {
                    problems.add(new Problem("siteIds", "legislation.draft.error.notAPoint"));
                    break;
                }
            }
        }
        if (TextRules.isBlank(text)) {
            problems.add(new Problem("text", "legislation.draft.error.noText"));
        } else if (TextRules.length(text) > DraftDetails.TEXT_MAX) {
            problems.add(new Problem("text", "input.error.tooLong", String.valueOf(DraftDetails.TEXT_MAX),
                    String.valueOf(TextRules.length(text))));
        } else if (TextRules.hasControlCharacters(text, true)) {
            problems.add(new Problem("text", "input.error.controlCharacters"));
        } else if (ArticleSplitter.split(text).articles().isEmpty()) {
            problems.add(new Problem("text", "legislation.draft.error.noArticles"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Draft draft = drafts.insert(Draft.register(user.accountId(), details, text, now));
        publish(draft.registered());
        return draft;
    }

    public Draft editArticle(CivicUser user, long draftId, int position, String body) {
        return change(user, draftId, d -> d.editArticle(position, body));
    }

    public Draft mergeWithNext(CivicUser user, long draftId, int position) {
        return change(user, draftId, d -> d.mergeWithNext(position));
    }

    public Draft splitArticle(CivicUser user, long draftId, int position, int paragraph) {
        return change(user, draftId, d -> d.splitArticle(position, paragraph));
    }

    public Draft renumber(CivicUser user, long draftId) {
        return change(user, draftId, Draft::renumber);
    }

    public Draft open(CivicUser user, long draftId, Instant now) {
        return change(user, draftId, d -> d.open(now));
    }

    /** The contact points a draft may ask: every open site of type {@value #POINT_TYPE}. */
    public List<SiteSummary> contactPoints() {
        return sites.openOfType(POINT_TYPE);
    }

    private Draft change(CivicUser user, long draftId, Function<Draft, List<AuditableEvent>> move) {
        requireOffice(user);
        Draft draft = drafts.find(draftId).orElseThrow(() -> new NotFoundException("draft", draftId));
        List<AuditableEvent> happened = move.apply(draft);
        Draft saved = drafts.update(draft);
        publish(happened);
        return saved;
    }

    private void publish(List<AuditableEvent> happened) {
        happened.forEach(events::publishEvent);
    }

    private static void requireOffice(CivicUser user) {
        if (!LegislationPermissions.mayManageDrafts(user)) {
            throw new AccessDeniedException("not the congress office");
        }
    }
}
