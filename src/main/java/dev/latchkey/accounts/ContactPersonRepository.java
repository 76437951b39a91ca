package dev.latchkey.accounts;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface ContactPersonRepository extends ListCrudRepository<ContactPerson, Long> {

    List<ContactPerson> findByAccountIdOrderByName(long accountId);
}
