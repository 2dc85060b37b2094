package org.civicloop.opinions.web;

import java.util.Arrays;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.deadlines.ClockView;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.WorkOrderClocks;
import org.civicloop.opinions.domain.WorkOrderRepository;
import org.civicloop.opinions.domain.WorkOrderStatus;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.ActionOutcome;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 承办: a handling unit's inbox sorted by deadline, and what the unit does with an order; and the
 * office's decisions on returns and extensions.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WorkOrderController {

    /** Work orders on one page of a unit's inbox. */
    private static final int INBOX_PAGE = 50;

    private final OpinionQueries queries;
    private final OpinionService service;
    private final WorkOrderRepository orders;
    private final WorkOrderClocks clocks;

    /** The inbox row with its clock, for sorting and colour. */
    record InboxItem(OpinionQueries.InboxRow row, ClockView clock) {
    }

    @GetMapping("/work-orders")
    @PreAuthorize("hasRole('HANDLING_UNIT')")
    String inbox(@RequestParam(defaultValue = "true") boolean active, @RequestParam(defaultValue = "") String state,
                 @RequestParam(defaultValue = "") String category, @RequestParam(required = false) java.time.Instant afterDue,
                 @RequestParam(required = false) Long afterId, @AuthenticationPrincipal CivicUser user, Model model) {
        if (user.unitId() == null) {
            throw new NotFoundException("unit", "-");
        }
        // a state that is not one (a hand-edited address) filters nothing rather than failing
        String status = Arrays.stream(WorkOrderStatus.values()).map(Enum::name).filter(state::equals).findFirst().orElse("");
        var after = afterId == null ? null : new OpinionQueries.InboxCursor(afterDue, afterId);
        List<OpinionQueries.InboxRow> rows = queries.inbox(user.unitId(), active, status, category, after, INBOX_PAGE + 1);
        boolean more = rows.size() > INBOX_PAGE;
        rows = more ? rows.subList(0, INBOX_PAGE) : rows;
        var byId = clocks.find(rows.stream().map(OpinionQueries.InboxRow::workOrderId).toList());
        List<InboxItem> items = rows.stream().map(r -> new InboxItem(r, byId.get(r.workOrderId()))).toList();
        model.addAttribute("items", items);
        model.addAttribute("next", more ? rows.get(rows.size() - 1) : null);
        model.addAttribute("active", active);
        model.addAttribute("state", status);
        model.addAttribute("category", category);
        model.addAttribute("states", Arrays.stream(WorkOrderStatus.values()).filter(s -> !active || s.isActive()).toList());
        model.addAttribute("categories", queries.categories());
        return "opinions/staff/inbox";
    }

    /** 签收所选: the ticked orders, all or none; back to the inbox as it was filtered. */
    @PostMapping("/work-orders/sign")
    @PreAuthorize("hasRole('HANDLING_UNIT')")
    String signAll(@RequestParam(name = "orders", required = false) List<Long> orderIds,
                   @RequestParam(defaultValue = "true") boolean active, @RequestParam(defaultValue = "") String state,
                   @RequestParam(defaultValue = "") String category, @AuthenticationPrincipal CivicUser user,
                   RedirectAttributes flash) {
        String backTo = UriComponentsBuilder.fromPath("/work-orders").queryParam("active", active)
                .queryParam("state", state).queryParam("category", category).encode().build().toUriString();
        return ActionOutcome.run(backTo, flash, "workOrder.done.signedAll", () -> service.signAll(orderIds, user));
    }

    @GetMapping("/opinions/decisions")
    @PreAuthorize("hasRole('CONGRESS_OFFICE')")
    String decisions(Model model) {
        List<OpinionQueries.InboxRow> rows = queries.pendingDecisions();
        model.addAttribute("rows", rows);
        model.addAttribute("clocks", clocks.find(rows.stream().map(OpinionQueries.InboxRow::workOrderId).toList()));
        model.addAttribute("categories", queries.categories());
        return "opinions/staff/decisions";
    }

    @PostMapping("/work-orders/{id}/sign")
    String sign(@PathVariable long id, @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, "workOrder.done.signed", () -> service.sign(id, user));
    }

    @PostMapping("/work-orders/{id}/return-request")
    String requestReturn(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
                         @AuthenticationPrincipal CivicUser user, RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, "workOrder.done.returnRequested",
                () -> service.requestReturn(id, reason, user));
    }

    @PostMapping("/work-orders/{id}/extension-request")
    String requestExtension(@PathVariable long id, @RequestParam(defaultValue = "0") int workingDays,
                            @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CivicUser user,
                            RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, "workOrder.done.extensionRequested",
                () -> service.requestExtension(id, workingDays, reason, user));
    }

    @PostMapping("/work-orders/{id}/contacts")
    String recordContact(@PathVariable long id, @RequestParam(defaultValue = "") String mode,
                         @RequestParam(defaultValue = "") String summary, @AuthenticationPrincipal CivicUser user,
                         RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, "workOrder.done.contactRecorded",
                () -> service.recordContact(id, mode, summary, user));
    }

    @PostMapping("/work-orders/{id}/reply")
    String reply(@PathVariable long id, @RequestParam(defaultValue = "") String reply, @AuthenticationPrincipal CivicUser user,
                 RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, "workOrder.done.replied", () -> service.replyToOrder(id, reply, user));
    }

    @PostMapping("/work-orders/{id}/return-decision")
    String decideReturn(@PathVariable long id, @RequestParam boolean approve, @AuthenticationPrincipal CivicUser user,
                        RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash, approve ? "workOrder.done.returnApproved" : "workOrder.done.returnDeclined",
                () -> service.decideReturn(id, approve, user));
    }

    @PostMapping("/work-orders/{id}/extension-decision")
    String decideExtension(@PathVariable long id, @RequestParam boolean approve, @AuthenticationPrincipal CivicUser user,
                           RedirectAttributes flash) {
        return OpinionStaffController.act(opinionOf(id), flash,
                approve ? "workOrder.done.extensionApproved" : "workOrder.done.extensionDeclined",
                () -> service.decideExtension(id, approve, user));
    }

    private long opinionOf(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new NotFoundException("work-order", orderId)).opinionId();
    }
}
