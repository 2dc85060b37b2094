package org.civicloop.opinions.api;

import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionRepository;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.WorkOrderRepository;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff work on opinions and work orders as JSON, with the same permissions as the pages. */
@RestController
@RequestMapping("/api")
@Tag(name = "opinions")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionStaffApi {

    private final OpinionQueries queries;
    private final OpinionService service;
    private final OpinionRepository opinions;
    private final WorkOrderRepository orders;
    private final Addressing addressing;
    private final OpinionPermissions permissions = new OpinionPermissions();

    record Page(List<OpinionQueries.QueueRow> items, Instant nextBeforeAt, Long nextBeforeId) {
    }

    record View(OpinionQueries.Detail opinion, List<OpinionQueries.OrderRow> workOrders,
                List<OpinionQueries.ContactRow> contacts, List<OpinionQueries.Step> steps) {
    }

    record Reject(String reason, String note) {
    }

    record Merge(String target) {
    }

    record Forward(Long unitId, String instructions) {
    }

    record Text(String text) {
    }

    record Extension(Integer workingDays, String reason) {
    }

    record Contact(String mode, String summary) {
    }

    record Decision(Boolean approve) {
    }

    record Done(long opinionId, Long workOrderId) {
    }

    @GetMapping("/opinions")
    @Operation(summary = "The opinions visible to the caller, newest first; page with nextBeforeAt/nextBeforeId;"
            + " text: words of the content (full-text) or a receipt code")
    Page queue(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
               @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String text,
               @RequestParam(required = false) Instant beforeAt,
               @RequestParam(required = false) Long beforeId, @RequestParam(defaultValue = "50") int size,
               @AuthenticationPrincipal CivicUser user) {
        int limit = Math.min(Math.max(size, 1), 200);
        var rows = queries.queue(new OpinionQueries.QueueFilter(status, category, channel, "", text, null, null, null),
                user, beforeAt, beforeId, limit + 1);
        boolean more = rows.size() > limit;
        var page = more ? rows.subList(0, limit) : rows;
        var last = more ? page.get(limit - 1) : null;
        return new Page(page, last == null ? null : last.submittedAt(), last == null ? null : last.id());
    }

    @GetMapping("/opinions/{id}")
    View view(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        var opinion = opinions.findById(id).orElseThrow(() -> new NotFoundException("opinion", id));
        boolean unitHasOrder = queries.unitHasOrder(id, user.hasRole(Role.HANDLING_UNIT) ? user.unitId() : null);
        if (!permissions.canView(user, opinion, addressing, unitHasOrder)) {
            throw new NotFoundException("opinion", id);
        }
        var d = queries.detail(id).orElseThrow();
        if (!permissions.canSeeVoter(user, opinion, addressing, unitHasOrder)) {
            d = new OpinionQueries.Detail(d.id(), d.receiptCode(), d.channel(), d.category(), d.content(), d.placeCode(),
                    d.placeName(), d.townName(), d.placeDetail(), null, null, null, d.status(), d.rejectReason(),
                    d.rejectNote(), d.duplicateOf(), d.duplicateOfCode(), d.reply(), d.repliedBy(), d.repliedAt(), d.rating(),
                    d.reopenCount(), d.addresseeKind(), d.addresseeId(), d.submittedAt(), d.externalRef(), d.photoCount());
        }
        return new View(d, queries.orders(id), queries.contacts(id), queries.allSteps(id));
    }

    @PostMapping("/opinions/{id}/accept")
    Done accept(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        service.accept(id, user);
        return new Done(id, null);
    }

    @PostMapping("/opinions/{id}/reject")
    Done reject(@PathVariable long id, @RequestBody Reject body, @AuthenticationPrincipal CivicUser user) {
        service.reject(id, body.reason() == null ? "" : body.reason(), body.note(), user);
        return new Done(id, null);
    }

    @PostMapping("/opinions/{id}/merge")
    Done merge(@PathVariable long id, @RequestBody Merge body, @AuthenticationPrincipal CivicUser user) {
        service.merge(id, body.target(), user);
        return new Done(id, null);
    }

    @PostMapping("/opinions/{id}/unmerge")
    Done unmerge(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        service.unmerge(id, user);
        return new Done(id, null);
    }

    @PostMapping("/opinions/{id}/forward")
    Done forward(@PathVariable long id, @RequestBody Forward body, @AuthenticationPrincipal CivicUser user) {
        if (body.unitId() == null) {
            throw BusinessException.invalid("opinion.error.unit");
        }
        return new Done(id, service.forward(id, body.unitId(), body.instructions(), user));
    }

    @PostMapping("/opinions/{id}/answer")
    Done answer(@PathVariable long id, @RequestBody Text body, @AuthenticationPrincipal CivicUser user) {
        service.answer(id, body.text(), user);
        return new Done(id, null);
    }

    @PostMapping("/work-orders/{id}/sign")
    Done sign(@PathVariable long id, @AuthenticationPrincipal CivicUser user) {
        service.sign(id, user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/return-request")
    Done requestReturn(@PathVariable long id, @RequestBody Text body, @AuthenticationPrincipal CivicUser user) {
        service.requestReturn(id, body.text(), user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/extension-request")
    Done requestExtension(@PathVariable long id, @RequestBody Extension body, @AuthenticationPrincipal CivicUser user) {
        service.requestExtension(id, body.workingDays() == null ? 0 : body.workingDays(), body.reason(), user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/contacts")
    Done contact(@PathVariable long id, @RequestBody Contact body, @AuthenticationPrincipal CivicUser user) {
        service.recordContact(id, body.mode() == null ? "" : body.mode(), body.summary(), user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/reply")
    Done reply(@PathVariable long id, @RequestBody Text body, @AuthenticationPrincipal CivicUser user) {
        service.replyToOrder(id, body.text(), user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/return-decision")
    Done decideReturn(@PathVariable long id, @RequestBody Decision body, @AuthenticationPrincipal CivicUser user) {
        service.decideReturn(id, Boolean.TRUE.equals(body.approve()), user);
        return done(id);
    }

    @PostMapping("/work-orders/{id}/extension-decision")
    Done decideExtension(@PathVariable long id, @RequestBody Decision body, @AuthenticationPrincipal CivicUser user) {
        service.decideExtension(id, Boolean.TRUE.equals(body.approve()), user);
        return done(id);
    }

    private Done done(long orderId) {
        return new Done(orders.findById(orderId).orElseThrow().opinionId(), orderId);
    }

}
