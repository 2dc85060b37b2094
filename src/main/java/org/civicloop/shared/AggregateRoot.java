package org.civicloop.shared;

/**
 * What every aggregate saved by a hand-written JDBC repository shares: an id the database gives on
 * the first save. Until then the aggregate is new, and asking for its id is a programming error (an
 * event needs the id, so it is made after the save).
 */
public abstract class AggregateRoot {

    private Long id;

    protected AggregateRoot(Long id) {
        this.id = id;
    }

    /** Not saved yet: the repository inserts it. */
    public boolean isNew() {
        return id == null;
    }

    /** For the repository, once the row exists. */
    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " " + this.id + " has its id already");
        }
        this.id = id;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " not saved yet");
        }
        return id;
    }
}
