package dev.latchkey.sites;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface SiteRepository extends ListCrudRepository<Site, Long> {

    Optional<Site> findBySlug(String slug);

    List<Site> findAllByOrderByName();
}
