package org.civicloop.notifications.web;

import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.notifications.domain.StaffMessages;
import org.civicloop.shared.Actor;
import org.civicloop.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 消息: a staff member's inbox, newest first. Another account's message answers 404. */
@Controller
@RequestMapping("/messages")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MessagesController {

    private static final int PAGE_SIZE = 50;

    private final StaffMessages inbox;
    private final MessageSource messages;

    /** A message as the page shows it: its text already in the reader's language. */
    record Item(long id, String text, String link, Instant createdAt, boolean unread) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long before, Model model) {
        long me = accountId(actor);
        List<StaffMessages.Message> page = inbox.inbox(me, before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<StaffMessages.Message> shown = more ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute("items", shown.stream().map(this::item).toList());
        model.addAttribute("nextBefore", more ? shown.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("unreadTotal", inbox.unreadCount(me));
        return "notifications/messages";
    }

    /** Following a message marks it read and leads to what it is about. */
    @GetMapping("/{id}")
    String open(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        long me = accountId(actor);
        StaffMessages.Message message = inbox.find(me, id).orElseThrow(() -> new NotFoundException("message", id));
        inbox.markRead(me, id);
        return "redirect:" + (message.link() != null ? message.link() : "/messages");
    }

    /** htmx swaps in the updated entry; without JavaScript the list reloads. */
    @PostMapping("/{id}/read")
    String markRead(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        long me = accountId(actor);
        if (!inbox.markRead(me, id)) {
            throw new NotFoundException("message", id);
        }
        if (htmx == null) {
            return "redirect:/messages";
        }
        model.addAttribute("item", item(inbox.find(me, id).orElseThrow(() -> new NotFoundException("message", id))));
        return "notifications/message-item :: item";
    }

    @PostMapping("/read-all")
    String markAllRead(@AuthenticationPrincipal Actor actor) {
        inbox.markAllRead(accountId(actor));
        return "redirect:/messages";
    }

    private Item item(StaffMessages.Message m) {
        String text = messages.getMessage(m.messageKey(), m.arguments().toArray(), m.messageKey(), LocaleContextHolder.getLocale());
        return new Item(m.id(), text, m.link(), m.createdAt(), m.unread());
    }

    /** Staff sign in with accounts; a principal without one (none today) has no inbox. */
    private static long accountId(Actor actor) {
        if (actor == null) {
            throw new NotFoundException("inbox", "-");
        }
        return actor.accountId();
    }
}
