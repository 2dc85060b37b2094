package org.civicloop.opinions.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.civicloop.suggestions.LinkedOpinionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The opinions module answers the suggestions module's question: which receipt code has this opinion? */
@Component
class OpinionReceiptCodes implements LinkedOpinionCodes {

    private final JdbcClient jdbc;

    OpinionReceiptCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> receiptCodes(Collection<Long> opinionIds) {
        Map<Long, String> codes = new HashMap<>();
        if (opinionIds == null || opinionIds.isEmpty()) {
            return codes;
        }
        jdbc.sql("select id, receipt_code from opinion where id in (:ids)").param("ids", opinionIds)
                .query((rs, n) -> codes.put(rs.getLong("id"), rs.getString("receipt_code"))).list();
        return codes;
    }
}
