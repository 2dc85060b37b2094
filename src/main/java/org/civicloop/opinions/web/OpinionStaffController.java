package org.civicloop.opinions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.domain.Addressing;
import org.civicloop.opinions.domain.OpinionActions;
import org.civicloop.opinions.domain.OpinionPermissions;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionRepository;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.SimilarMatters;
import org.civicloop.opinions.domain.WorkOrder;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.opinions.domain.WorkOrderRepository;
import org.civicloop.opinions.domain.WorkOrderStatus;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Directory;
import org.civicloop.organization.Role;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 民意台 for the congress office, deputies and liaison staff: the triage queue and each opinion's
 * page with only the actions allowed now.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OpinionStaffController {

    private static final int PAGE_SIZE = 30;

    private final OpinionQueries queries;
    private final OpinionService service;
    private final OpinionRepository opinions;
    private final Addressing addressing;
    private final SimilarMatters similar;
    private final Directory directory;
    private final WorkOrderClocks clocks;
    private final OpinionsProperties rules;
    private final WorkOrderRepository workOrderRepository;
    private final OpinionPermissions permissions = new OpinionPermissions();

    @GetMapping("/opinions")
    String queue(@RequestParam(defaultValue = "SUBMITTED") String status, @RequestParam(defaultValue = "") String category,
                 @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String town,
                 @RequestParam(defaultValue = "") String text,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(required = false) Instant beforeAt, @RequestParam(required = false) Long beforeId,
                 @AuthenticationPrincipal CivicUser user, Model model) {
        var filter = new OpinionQueries.QueueFilter(status.equals("ALL") ? "" : status, category, channel, town, text, from, to, null);
        List<OpinionQueries.QueueRow> rows = queries.queue(filter, user, beforeAt, beforeId, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<OpinionQueries.QueueRow> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("rows", page);
        model.addAttribute("clocks", clocks.find(page.stream().map(OpinionQueries.QueueRow::activeOrderId)
                .filter(java.util.Objects::nonNull).toList()));
        model.addAttribute("next", more ? page.get(PAGE_SIZE - 1) : null);
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("channel", channel);
        model.addAttribute("town", town);
        model.addAttribute("text", text);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("categories", queries.categories());
        model.addAttribute("towns", directory.placesUnder(rules.districtCode()));
        model.addAttribute("canRecord", permissions.canRecord(user));
        return "opinions/staff/queue";
    }

    @GetMapping("/opinions/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CivicUser user, Model model) {
        var opinion = opinions.findById(id).orElseThrow(() -> new NotFoundException("opinion", id));
        boolean unitHasOrder = queries.unitHasOrder(id, user.hasRole(Role.HANDLING_UNIT) ? user.unitId() : null);
        if (!permissions.canView(user, opinion, addressing, unitHasOrder)) {
            throw new NotFoundException("opinion", id);
        }
        var detail = queries.detail(id).orElseThrow();
        var orders = queries.orders(id);
        List<WorkOrder> workOrders = workOrderRepository.findByOpinionIdOrderByRoundDesc(id);
        OpinionActions can = permissions.actionsFor(user, opinion, addressing, workOrders);
        model.addAttribute("o", detail);
        model.addAttribute("showVoter", permissions.canSeeVoter(user, opinion, addressing, unitHasOrder));
        model.addAttribute("can", can);
        model.addAttribute("orders", orders);
        model.addAttribute("clocks", clocks.find(orders.stream().map(OpinionQueries.OrderRow::id).toList()));
        // the office decides an extension seeing the due date it would move from and to
        Map<Long, Instant> extendedDue = new HashMap<>();
        workOrders.stream().filter(w -> w.status() == WorkOrderStatus.EXTENSION_REQUESTED && w.extensionDays() != null)
                .forEach(w -> clocks.dueIfExtended(w.id(), w.extensionDays()).ifPresent(due -> extendedDue.put(w.id(), due)));
        model.addAttribute("extendedDue", extendedDue);
        model.addAttribute("myOrder", orders.stream().filter(w -> can.handlingOrder() != null && w.id() == can.handlingOrder())
                .findFirst().orElse(null));
        model.addAttribute("contacts", queries.contacts(id));
        model.addAttribute("steps", queries.allSteps(id));
        model.addAttribute("photoIds", queries.photoIds(id));
        model.addAttribute("reception", queries.reception(id).orElse(null));
        model.addAttribute("matters", similar.find(detail.content(), null, id, user));
        model.addAttribute("categories", queries.categories());
        model.addAttribute("rejectReasons", queries.rejectReasons());
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("suggestedUnit", directory.unitForRegion(detail.placeCode()).orElse(null));
        addressing.find(detail.addresseeKind() == null ? null
                : org.civicloop.opinions.domain.AddresseeKind.valueOf(detail.addresseeKind()),
                detail.addresseeId() == null ? -1 : detail.addresseeId()).ifPresent(a -> model.addAttribute("addressee", a));
        return "opinions/staff/detail";
    }

    @GetMapping("/opinions/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, @AuthenticationPrincipal CivicUser user) {
        var opinion = opinions.findById(id).orElseThrow(() -> new NotFoundException("opinion", id));
        boolean unitHasOrder = queries.unitHasOrder(id, user.hasRole(Role.HANDLING_UNIT) ? user.unitId() : null);
        if (!permissions.canView(user, opinion, addressing, unitHasOrder)) {
            throw new NotFoundException("opinion", id);
        }
        var photo = queries.photo(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).body(photo.bytes());
    }

    @PostMapping("/opinions/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "opinion.done.accepted", () -> service.accept(id, user));
    }

    @PostMapping("/opinions/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
                  @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "opinion.done.rejected", () -> service.reject(id, reason, note, user));
    }

    @PostMapping("/opinions/{id}/merge")
    String merge(@PathVariable long id, @RequestParam(defaultValue = "") String target, @AuthenticationPrincipal CivicUser user,
                 RedirectAttributes flash) {
        return act(id, flash, "opinion.done.merged", () -> service.merge(id, target, user));
    }

    @PostMapping("/opinions/{id}/unmerge")
    String unmerge(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return act(id, flash, "opinion.done.unmerged", () -> service.unmerge(id, user));
    }

    @PostMapping("/opinions/{id}/forward")
    String forward(@PathVariable long id, @RequestParam(required = false) Long unitId,
                   @RequestParam(defaultValue = "") String instructions, @AuthenticationPrincipal CivicUser user,
                   RedirectAttributes flash) {
        return act(id, flash, "opinion.done.forwarded", () -> {
            if (unitId == null) {
                throw BusinessException.invalid("opinion.error.unit");
            }
            service.forward(id, unitId, instructions, user);
        });
    }

    @PostMapping("/opinions/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String reply, @AuthenticationPrincipal CivicUser user,
                  RedirectAttributes flash) {
        return act(id, flash, "opinion.done.answered", () -> service.answer(id, reply, user));
    }

    /** Runs an action and comes back to the opinion's page with what happened, or why not. */
    static String act(long opinionId, RedirectAttributes flash, String doneKey, Runnable action) {
        return ActionOutcome.run("/opinions/" + opinionId, flash, doneKey, action);
    }
}
