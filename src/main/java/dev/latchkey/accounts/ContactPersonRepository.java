package dev.latchkey.accounts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ContactPersonRepository extends ListCrudRepository<ContactPerson, Long> {

    List<ContactPerson> findByAccountIdOrderByName(long accountId);

    Optional<ContactPerson> findByExternalId(String externalId);

    /** Changes a contact if they are still at {@code version}, and bumps it; 0 when they are not. */
    @Modifying
    @Query("update contact_person set account_id = :accountId, name = :name, email = :email, phone = :phone,"
            + " external_id = :externalId, version = version + 1 where id = :id and version = :version")
    int updateDetails(
            long id, long version, long accountId, String name, String email, String phone, String externalId);

    /** Links a contact to their new portal user; of two concurrent promotions exactly one gets 1. */
    @Modifying
    @Query("update contact_person set portal_user_id = :userId, version = version + 1"
            + " where id = :id and portal_user_id is null")
    int markPromoted(long id, long userId);
}
