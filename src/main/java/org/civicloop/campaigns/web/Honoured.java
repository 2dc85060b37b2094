package org.civicloop.campaigns.web;

import java.util.List;
import org.civicloop.records.DutyRecords.DutyEntry;

/** A chosen deputy on the announcement: who, in which group, why, and the deeds from their duty record. */
public record Honoured(String name, String constituency, String group, String reason, List<DutyEntry> deeds) {
}
