package dev.latchkey.audit;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface AuditRepository extends ListCrudRepository<AuditEvent, Long> {

    List<AuditEvent> findTop200ByOrderByIdDesc();

    List<AuditEvent> findTop200ByUserIdOrderByIdDesc(long userId);
}
