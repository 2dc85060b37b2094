package org.civicloop.opinions.web;

import java.time.LocalDate;
import org.civicloop.opinions.domain.OpinionLedger;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.organization.Directory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 民意台账: the office's ledger with its counts; the export gives exactly the rows the filters show. */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'LEADER')")
class LedgerController {

    private final OpinionLedger ledger;
    private final OpinionQueries queries;
    private final Directory directory;
    private final OpinionsProperties rules;

    LedgerController(OpinionLedger ledger, OpinionQueries queries, Directory directory, OpinionsProperties rules) {
        this.ledger = ledger;
        this.queries = queries;
        this.directory = directory;
        this.rules = rules;
    }

    @GetMapping("/opinions/ledger")
    String ledger(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String channel, @RequestParam(required = false) Long unitId,
                  @RequestParam(defaultValue = "") String town, Model model) {
        var filter = new OpinionLedger.Filter(from, to, status, category, channel, unitId, town);
        model.addAttribute("filter", filter);
        model.addAttribute("total", ledger.total(filter));
        model.addAttribute("byChannel", ledger.countBy("channel", filter));
        model.addAttribute("byCategory", ledger.countBy("category", filter));
        model.addAttribute("byUnit", ledger.countBy("unit", filter));
        model.addAttribute("byMonth", ledger.countBy("month", filter));
        model.addAttribute("categories", queries.categories());
        model.addAttribute("units", directory.handlingUnits());
        model.addAttribute("towns", directory.placesUnder(rules.districtCode()));
        return "opinions/staff/ledger";
    }
}
