package dev.latchkey.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

    Optional<Account> findByNumber(String number);

    Optional<Account> findByExternalId(String externalId);

    @Query("select a.* from account a join user_account ua on ua.account_id = a.id"
            + " where ua.user_id = :userId order by a.number")
    List<Account> findLinkedTo(long userId);
}
