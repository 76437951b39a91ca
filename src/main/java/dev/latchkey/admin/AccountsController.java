package dev.latchkey.admin;

import dev.latchkey.accounts.AccountSummary;
import dev.latchkey.accounts.Accounts;
import dev.latchkey.shared.web.BadInputException;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.shared.web.SearchText;
import dev.latchkey.signin.LatchkeyPrincipal;
import dev.latchkey.sites.Realm;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * F-CONTACT: the accounts, searchable, and each account's contact persons. Accounts belong to no site, so only system
 * admins see them.
 */
@Controller
@SystemAdminsOnly
class AccountsController {

    static final int PAGE_SIZE = 100;
    static final int MAX_QUERY = 100;

    private final Accounts accounts;
    private final ContactsPage contactsPage;

    AccountsController(Accounts accounts, ContactsPage contactsPage) {
        this.accounts = accounts;
        this.contactsPage = contactsPage;
    }

    @GetMapping("/admin/accounts")
    String list(
            @AuthenticationPrincipal LatchkeyPrincipal admin, @RequestParam(required = false) String q, Model model) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new BadInputException("accounts.search.tooLong");
        }
        q = SearchText.of(q, MAX_QUERY);
        List<AccountSummary> found = accounts.search(q, PAGE_SIZE + 1);
        model.addAttribute("realm", Realm.ADMIN);
        model.addAttribute("user", admin);
        model.addAttribute("q", q);
        model.addAttribute("accounts", found.subList(0, Math.min(found.size(), PAGE_SIZE)));
        model.addAttribute("more", found.size() > PAGE_SIZE);
        return "admin/accounts";
    }

    @GetMapping("/admin/accounts/{number}/contacts")
    String contacts(@AuthenticationPrincipal LatchkeyPrincipal admin, @PathVariable String number, Model model) {
        var account = accounts.findByNumber(number).orElseThrow(NotFoundException::new);
        return contactsPage.render(admin, account, model);
    }
}
