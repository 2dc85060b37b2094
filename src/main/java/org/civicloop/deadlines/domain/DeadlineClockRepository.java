package org.civicloop.deadlines.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface DeadlineClockRepository extends ListCrudRepository<DeadlineClock, Long> {

    Optional<DeadlineClock> findBySubjectTypeAndSubjectId(String subjectType, String subjectId);

    /** For a change: the row stays locked until the transaction ends, so two changes never interleave. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<DeadlineClock> findForUpdateBySubjectTypeAndSubjectId(String subjectType, String subjectId);

    List<DeadlineClock> findBySubjectTypeAndSubjectIdIn(String subjectType, Collection<String> subjectIds);
}
