package org.civicloop.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.organization.CivicUser;
import org.civicloop.organization.Role;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationBadge;
import org.civicloop.shared.NavigationItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.thymeleaf.context.LazyContextVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout's attributes come from one advice method (issue 14): a page gets all of them, computed as before;
 * a handler that writes JSON itself gets none.
 */
class LayoutModelTests {

    private static final NavigationItem OPINIONS = new NavigationItem("nav.opinions", "/opinions", Set.of("CONGRESS_OFFICE"), 10);
    private static final NavigationItem LEDGER = new NavigationItem("nav.ledger", "/opinions/ledger", Set.of("CONGRESS_OFFICE"), 11, "/opinions");
    private static final NavigationItem UNITS = new NavigationItem("nav.units", "/units", Set.of("UNIT"), 20);

    private final ChartJson chartJson = new ChartJson(JsonMapper.builder().build());
    /** Counts for the office's entry (3 for account 7), the unit's entry and the ledger tab (none), and how often asked. */
    private final java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
    private final List<NavigationBadge> badges = List.of(badge("/opinions", 3), badge("/units", 5), badge("/opinions/ledger", 0));
    private final LayoutModel layout = new LayoutModel(List.of(Navigation.of(OPINIONS, LEDGER), Navigation.of(UNITS)), badges,
            chartJson);
    private final CivicUser office = new CivicUser(7L, "office", "办公室", null, null, Set.of(Role.CONGRESS_OFFICE), true, null,
            false, 0, null);

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(office, null,
                List.of(new SimpleGrantedAuthority("ROLE_CONGRESS_OFFICE"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPageGetsTheWholeLayout() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/opinions/ledger");
        request.setCookies(new Cookie(HomeController.LARGE_TEXT_COOKIE, "1"));
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, new HandlerMethod(new Page(), Page.class.getDeclaredMethod("show")));
        ExtendedModelMap model = new ExtendedModelMap();

        layout.layout(request, model);

        assertThat(model.get("currentUser")).isSameAs(office);
        // the tab under 民意台 is not a top entry of its own; the unit's entry is not the office's
        assertThat(model.get("navigation")).isEqualTo(List.of(OPINIONS));
        assertThat(model.get("subNavigation")).isEqualTo(List.of(OPINIONS, LEDGER));
        assertThat(model.get("activeNav")).isEqualTo("/opinions/ledger");
        assertThat(model.get("activeArea")).isEqualTo("/opinions");
        assertThat(model.get("currentPath")).isEqualTo("/opinions/ledger");
        assertThat(model.get("largeText")).isEqualTo(true);
        assertThat(model.get("chartJson")).isSameAs(chartJson);
    }

    @Test
    void aPageOutsideEveryAreaHasNoTabsAndNormalText() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, new HandlerMethod(new Page(), Page.class.getDeclaredMethod("show")));
        ExtendedModelMap model = new ExtendedModelMap();

        layout.layout(request, model);

        assertThat(model).containsEntry("activeNav", null).containsEntry("activeArea", null)
                .containsEntry("subNavigation", List.of()).containsEntry("largeText", false);
    }

    @Test
    void theBadgesAreThoseOfTheEntriesTheUserSeesCountedOnceWhenThePageReadsThem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/opinions");
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, new HandlerMethod(new Page(), Page.class.getDeclaredMethod("show")));
        ExtendedModelMap model = new ExtendedModelMap();

        layout.layout(request, model);

        assertThat(counted).as("nothing counted before the page reads the badges").hasValue(0);
        LazyContextVariable<?> lazy = (LazyContextVariable<?>) model.get("badges");
        // the unit's entry is not the office's; a count of 0 draws no badge
        assertThat(lazy.getValue()).isEqualTo(Map.of("/opinions", new NavigationBadge.Shown(3, "badge./opinions")));
        assertThat(lazy.getValue()).isEqualTo(Map.of("/opinions", new NavigationBadge.Shown(3, "badge./opinions")));
        assertThat(counted).as("the office's two entries, counted once").hasValue(2);

        SecurityContextHolder.clearContext();
        assertThat(layout.badges().getValue()).as("signed out").isEmpty();
    }

    private NavigationBadge badge(String path, long forAccount7) {
        return new NavigationBadge() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public String labelKey() {
                return "badge." + path;
            }

            @Override
            public Long count(long accountId) {
                counted.incrementAndGet();
                return accountId == 7 ? forAccount7 : null;
            }
        };
    }

    @Test
    void aHandlerThatWritesJsonGetsNoLayout() throws Exception {
        for (HandlerMethod json : List.of(new HandlerMethod(new Api(), Api.class.getDeclaredMethod("read")),
                new HandlerMethod(new Page(), Page.class.getDeclaredMethod("data")))) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/opinions/ledger");
            request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, json);
            ExtendedModelMap model = new ExtendedModelMap();

            layout.layout(request, model);

            assertThat(model).as(json.getShortLogMessage()).isEmpty();
        }
    }

    @Controller
    static class Page {
        String show() {
            return "page";
        }

        @ResponseBody
        String data() {
            return "{}";
        }
    }

    @RestController
    static class Api {
        String read() {
            return "{}";
        }
    }
}
