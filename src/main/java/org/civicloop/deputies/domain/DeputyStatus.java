package org.civicloop.deputies.domain;

/** Whether a deputy serves. Only a serving deputy's duty QR code receives opinions. Label: {@code deputyStatus.<NAME>}. */
public enum DeputyStatus {
    /** 在任. */
    ACTIVE,
    /** 暂停执行代表职务. */
    SUSPENDED,
    /** 代表资格终止 (term ended, resigned, recalled). */
    ENDED
}
