package org.civicloop.system.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in and the navigation their roles allow. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavigationItem> items;

    LayoutModel(List<Navigation> modules) {
        this.items = modules.stream().flatMap(m -> m.items().stream())
                .sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("currentUser")
    CivicUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CivicUser user ? user : null;
    }

    /** The top bar: every entry the user's roles allow, except those shown as tabs under their parent. */
    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        List<NavigationItem> visible = visibleItems();
        Set<String> paths = visible.stream().map(NavigationItem::path).collect(Collectors.toSet());
        return visible.stream().filter(item -> item.parent() == null || !paths.contains(item.parent())).toList();
    }

    /**
     * The tabs of the area the page belongs to: its top entry first, then the entries under it the
     * user may open; empty when the area has none.
     */
    @ModelAttribute("subNavigation")
    List<NavigationItem> subNavigation(HttpServletRequest request) {
        String area = activeArea(request);
        if (area == null) {
            return List.of();
        }
        List<NavigationItem> visible = visibleItems();
        List<NavigationItem> children = visible.stream().filter(item -> area.equals(item.parent())).toList();
        if (children.isEmpty()) {
            return List.of();
        }
        List<NavigationItem> tabs = new java.util.ArrayList<>();
        visible.stream().filter(item -> item.path().equals(area)).findFirst().ifPresent(tabs::add);
        tabs.addAll(children);
        return tabs;
    }

    /** The top entry the page belongs to: its own entry, or that entry's parent when the user sees the parent. */
    @ModelAttribute("activeArea")
    String activeArea(HttpServletRequest request) {
        String active = activeNav(request);
        if (active == null) {
            return null;
        }
        List<NavigationItem> visible = visibleItems();
        return visible.stream().filter(item -> item.path().equals(active)).findFirst()
                .map(item -> item.parent() != null && visible.stream().anyMatch(p -> p.path().equals(item.parent()))
                        ? item.parent() : item.path())
                .orElse(active);
    }

    private List<NavigationItem> visibleItems() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CivicUser)) {
            return List.of();
        }
        Set<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        return items.stream().filter(item -> item.visibleTo(roles)).toList();
    }

    /** The navigation entry the page belongs to: the longest path that prefixes the current one. */
    @ModelAttribute("activeNav")
    String activeNav(HttpServletRequest request) {
        String path = ErrorResponses.originalPath(request);
        return items.stream().map(NavigationItem::path)
                .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** 适老化: the public's large-text switch, remembered in a cookie. */
    @ModelAttribute("largeText")
    boolean largeText(HttpServletRequest request) {
        return largeText(request.getCookies());
    }

    static boolean largeText(jakarta.servlet.http.Cookie[] cookies) {
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (c.getName().equals(HomeController.LARGE_TEXT_COOKIE) && c.getValue().equals("1")) {
                    return true;
                }
            }
        }
        return false;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return ErrorResponses.originalPath(request);
    }
}
