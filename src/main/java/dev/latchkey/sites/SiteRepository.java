package dev.latchkey.sites;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SiteRepository extends ListCrudRepository<Site, Long> {

    // a declared query: a derived one builds its SQL again at every call, and every page looks its site up
    @Query("select * from site where slug = :slug")
    Optional<Site> findBySlug(String slug);

    List<Site> findAllByOrderByName();
}
