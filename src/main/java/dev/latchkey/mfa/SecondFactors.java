package dev.latchkey.mfa;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The registry of factors: which ones a user may use in a realm (F-LOGIN-3). */
@Service
public class SecondFactors {

    private final List<Factor> factors;

    SecondFactors(List<Factor> factors) {
        this.factors =
                factors.stream().sorted(Comparator.comparing(Factor::type)).toList();
    }

    /** The factors both allowed by the realm and usable by the user, in the chooser's order. */
    public List<FactorType> available(FactorSubject subject, Collection<String> allowed) {
        return factors.stream()
                .filter(f -> allowed.contains(f.type().id()))
                .filter(f -> f.availableFor(subject))
                .map(Factor::type)
                .toList();
    }

    public Optional<Factor> get(FactorType type) {
        return factors.stream().filter(f -> f.type() == type).findFirst();
    }
}
