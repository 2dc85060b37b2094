package org.civicloop.shared;

/** Whoever acts in a request: the audit trail records the account id of a signed-in principal. */
public interface Actor {

    long accountId();
}
