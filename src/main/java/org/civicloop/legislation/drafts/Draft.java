package org.civicloop.legislation.drafts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.legislation.drafts.DraftEvents.DraftOpened;
import org.civicloop.legislation.drafts.DraftEvents.DraftRegistered;
import org.civicloop.legislation.drafts.DraftEvents.DraftSplitCorrected;
import org.civicloop.shared.AuditableEvent;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.TextRules;

/**
 * A draft law or regulation put to the people (征求意见稿): its details, the contact points asked and
 * its articles in order. Registered by the congress office, its split corrected (an article's text
 * edited, two merged, one split, all renumbered) while it is not yet open, then opened. Once open
 * its articles are fixed, for comments point at them. The named moves below check the state and
 * return the events to publish; nothing here reads a clock or a database: the caller passes the time.
 */
public class Draft {

    public static final int ARTICLE_MAX = 5000;

    private Long id;
    private final String title;
    private final String issuingBody;
    private final LocalDate opensOn;
    private final LocalDate closesOn;
    private final String focusQuestions;
    private final String sourceText;
    private final String finalText;
    private final LocalDate passedOn;
    private final long registeredBy;
    private final Instant registeredAt;
    private Instant openedAt;
    private final int version;
    private final Set<Long> siteIds;
    private List<Article> articles;

    Draft(Long id, String title, String issuingBody, LocalDate opensOn, LocalDate closesOn, String focusQuestions,
          String sourceText, String finalText, LocalDate passedOn, long registeredBy, Instant registeredAt, Instant openedAt,
          int version, Set<Long> siteIds, List<Article> articles) {
        this.id = id;
        this.title = title;
        this.issuingBody = issuingBody;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.focusQuestions = focusQuestions;
        this.sourceText = sourceText;
        this.finalText = finalText;
        this.passedOn = passedOn;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.openedAt = openedAt;
        this.version = version;
        this.siteIds = new LinkedHashSet<>(siteIds);
        this.articles = List.copyOf(articles);
    }

    /** A new draft, its text split; refused when the text holds no article. */
    public static Draft register(long accountId, DraftDetails d, String sourceText, Instant now) {
        ArticleSplitter.Split split = ArticleSplitter.split(sourceText);
        if (split.articles().isEmpty()) {
            throw BusinessException.invalid("legislation.draft.error.noArticles");
        }
        List<Article> articles = new ArrayList<>();
        for (var a : split.articles()) {
            articles.add(new Article(null, articles.size() + 1, a.chapterNo(), a.chapterTitle(), a.articleNo(), a.body()));
        }
        return new Draft(null, d.title().strip(), d.issuingBody().strip(), d.opensOn(), d.closesOn(),
                blankToNull(d.focusQuestions()), sourceText, null, null, accountId, now, null, 0, d.siteIds(), articles);
    }

    /** The event of a new draft, once it has its id. */
    public List<AuditableEvent> registered() {
        return List.of(new DraftRegistered(id, title, articles.size(), siteIds.size()));
    }

    /** The office corrects an article's text. */
    public List<AuditableEvent> editArticle(int position, String body) {
        checkCorrectable();
        String text = TextRules.isBlank(body) ? "" : body.strip();
        if (text.isEmpty() || TextRules.length(text) > ARTICLE_MAX || TextRules.hasControlCharacters(text, true)) {
            throw BusinessException.invalid("legislation.draft.error.articleText", ARTICLE_MAX);
        }
        List<Article> next = new ArrayList<>(articles);
        next.set(index(position), article(position).withBody(text));
        return corrected(next, "edited", position);
    }

    /** The office merges an article with the one after it (the split cut one article in two). */
    public List<AuditableEvent> mergeWithNext(int position) {
        checkCorrectable();
        if (position >= articles.size()) {
            throw BusinessException.invalid("legislation.draft.error.noNextArticle");
        }
        Article first = article(position);
        Article second = article(position + 1);
        List<Article> next = new ArrayList<>(articles);
        next.set(index(position), first.withBody(first.body() + "\n" + second.body()));
        next.remove(index(position + 1));
        return corrected(next, "merged", position);
    }

    /**
     * The office splits an article before its paragraph {@code paragraph} (1-based, at least 2): the
     * rest becomes a new article right after it (the split missed a heading).
     */
    public List<AuditableEvent> splitArticle(int position, int paragraph) {
        checkCorrectable();
        Article a = article(position);
        String[] paragraphs = a.body().split("\n");
        if (paragraph < 2 || paragraph > paragraphs.length) {
            throw BusinessException.invalid("legislation.draft.error.splitPoint");
        }
        String head = String.join("\n", java.util.Arrays.copyOfRange(paragraphs, 0, paragraph - 1));
        String tail = String.join("\n", java.util.Arrays.copyOfRange(paragraphs, paragraph - 1, paragraphs.length));
        List<Article> next = new ArrayList<>();
        for (Article other : articles) {
            // the articles after it move up one number, so that numbers stay unique
            next.add(other.position() > position ? other.numbered(other.articleNo() + 1) : other);
        }
        next.set(index(position), a.withBody(head));
        next.add(index(position) + 1, new Article(null, position + 1, a.chapterNo(), a.chapterTitle(), a.articleNo() + 1, tail));
        return corrected(next, "split", position);
    }

    /** The office numbers every article by its place: 第一条, 第二条 … */
    public List<AuditableEvent> renumber() {
        checkCorrectable();
        List<Article> next = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            next.add(articles.get(i).numbered(i + 1));
        }
        return corrected(next, "renumbered", 1);
    }

    /** The office opens the draft to the public; its articles are fixed from now on. */
    public List<AuditableEvent> open(Instant now) {
        if (openedAt != null) {
            throw BusinessException.conflict("legislation.draft.error.alreadyOpen");
        }
        if (!hasUniqueNumbers()) {
            throw BusinessException.conflict("legislation.draft.error.numbers");
        }
        this.openedAt = now;
        return List.of(new DraftOpened(id, opensOn.toString(), closesOn.toString()));
    }

    /** Whether the public may comment on {@code today}: opened, and the day within the window. */
    public boolean takesCommentsOn(LocalDate today) {
        return openedAt != null && !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    /** Whether two articles carry the same number (after a split: then the office renumbers). */
    public boolean hasUniqueNumbers() {
        return articles.stream().map(Article::articleNo).distinct().count() == articles.size();
    }

    private List<AuditableEvent> corrected(List<Article> next, String change, int position) {
        List<Article> placed = new ArrayList<>();
        for (Article a : next) {
            placed.add(a.at(placed.size() + 1));
        }
        this.articles = List.copyOf(placed);
        return List.of(new DraftSplitCorrected(id, change, position, articles.size()));
    }

    private void checkCorrectable() {
        if (openedAt != null) {
            throw BusinessException.conflict("legislation.draft.error.opened");
        }
    }

    private Article article(int position) {
        return articles.get(index(position));
    }

    private int index(int position) {
        if (position < 1 || position > articles.size()) {
            throw BusinessException.invalid("legislation.draft.error.unknownArticle");
        }
        return position - 1;
    }

    private static String blankToNull(String s) {
        return s == null || TextRules.isBlank(s) ? null : s.strip();
    }

    void assignId(long newId) {
        this.id = newId;
    }

    public Long id() { return id; }
    public String title() { return title; }
    public String issuingBody() { return issuingBody; }
    public LocalDate opensOn() { return opensOn; }
    public LocalDate closesOn() { return closesOn; }
    public String focusQuestions() { return focusQuestions; }
    public String sourceText() { return sourceText; }
    public String finalText() { return finalText; }
    public LocalDate passedOn() { return passedOn; }
    public long registeredBy() { return registeredBy; }
    public Instant registeredAt() { return registeredAt; }
    public Instant openedAt() { return openedAt; }
    public boolean opened() { return openedAt != null; }
    public int version() { return version; }
    public Set<Long> siteIds() { return Set.copyOf(siteIds); }
    public List<Article> articles() { return articles; }

    /** The focus questions, one per line. */
    public List<String> questions() {
        return focusQuestions == null ? List.of() : focusQuestions.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The article with this id, if it is one of this draft's. */
    public java.util.Optional<Article> articleById(long articleId) {
        return articles.stream().filter(a -> a.id() != null && a.id() == articleId).findFirst();
    }
}
