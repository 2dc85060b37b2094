package org.civicloop.opinions.hotspots;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 热点, a tab of the opinion ledger for the congress office and leaders: this month's matters raised by
 * most people, by town, and a matter's opinions. From a matter the office starts a collective notice
 * (集中通报) or proposes a supervision topic (督办 as a standing-committee resolution with follow-up)
 * on those pages, the text filled in from the matter.
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER')")
class HotspotController {

    private static final Pattern MONTH = Pattern.compile("(20\\d\\d)-(0[1-9]|1[0-2])");
    /** The longest a matter's text is quoted in a notice's or a topic's title. */
    private static final int TITLE_QUOTE = 30;

    private final HotspotQueries queries;
    private final MessageSource messages;
    private final ZoneId zone;

    HotspotController(HotspotQueries queries, MessageSource messages, @Value("${civicloop.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.queries = queries;
        this.messages = messages;
        this.zone = zone;
    }

    @GetMapping("/opinions/hotspots")
    String month(@RequestParam(required = false) String month, @AuthenticationPrincipal CivicUser user, Model model) {
        YearMonth m = month(month);
        model.addAttribute("view", queries.month(m, user));
        model.addAttribute("month", m.toString());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.plusMonths(1).isAfter(YearMonth.now(zone)) ? null : m.plusMonths(1).toString());
        return "opinions/hotspots/month";
    }

    @GetMapping("/opinions/hotspots/{id}")
    String cluster(@PathVariable long id, @RequestParam(required = false) String month,
                   @AuthenticationPrincipal CivicUser user, Model model, Locale locale) {
        HotspotQueries.Cluster c = queries.cluster(id, user).orElseThrow(() -> new NotFoundException("cluster", id));
        YearMonth m = month(month);
        model.addAttribute("cluster", c);
        model.addAttribute("month", m.toString());
        if (user.hasRole(Role.CONGRESS_OFFICE)) {
            HotspotQueries.Member head = c.members().get(c.members().size() - 1); // the earliest
            String quote = head.excerpt().codePointCount(0, head.excerpt().length()) > TITLE_QUOTE
                    ? head.excerpt().substring(0, head.excerpt().offsetByCodePoints(0, TITLE_QUOTE)) + "…" : head.excerpt();
            String codes = c.members().stream().map(HotspotQueries.Member::receiptCode).limit(50)
                    .collect(Collectors.joining(messages.getMessage("common.listSeparator", null, locale)));
            long channels = c.members().stream().map(HotspotQueries.Member::channel).distinct().count();
            String summary = messages.getMessage("hotspot.prefill.summary",
                    new Object[] {c.people(), c.opinions(), channels, codes}, locale);
            model.addAttribute("noticeUrl", UriComponentsBuilder.fromPath("/suggestions/bulletins")
                    .queryParam("title", messages.getMessage("hotspot.prefill.noticeTitle", new Object[] {quote}, locale))
                    .queryParam("foreword", summary).fragment("bulletin-form").encode().build().toUriString());
            model.addAttribute("topicUrl", UriComponentsBuilder.fromPath("/supervision/resolutions/new")
                    .queryParam("title", messages.getMessage("hotspot.prefill.topicTitle", new Object[] {quote}, locale))
                    .queryParam("text", summary).encode().build().toUriString());
        }
        return "opinions/hotspots/cluster";
    }

    /** The month asked for ({@code 2026-12}), this month when none; anything else is refused. */
    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(LocalDate.now(zone));
        }
        var m = MONTH.matcher(month.strip());
        if (!m.matches()) {
            throw BusinessException.invalid("hotspot.error.month");
        }
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
