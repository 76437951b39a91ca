package dev.latchkey.accounts;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ContactPersonRepository extends ListCrudRepository<ContactPerson, Long> {

    List<ContactPerson> findByAccountIdOrderByName(long accountId);

    @Modifying
    @Query("update contact_person set name = :name, email = :email, phone = :phone where id = :id")
    int updateDetails(long id, String name, String email, String phone);

    /** Links a contact to their new portal user; of two concurrent promotions exactly one gets 1. */
    @Modifying
    @Query("update contact_person set portal_user_id = :userId where id = :id and portal_user_id is null")
    int markPromoted(long id, long userId);
}
