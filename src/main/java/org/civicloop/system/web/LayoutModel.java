package org.civicloop.system.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.Navigation;
import org.civicloop.shared.NavigationBadge;
import org.civicloop.shared.NavigationItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.thymeleaf.context.LazyContextVariable;

/**
 * What every page's layout needs: who is signed in, the navigation their roles allow and its badges, where the
 * page is, the large-text switch and the charts' writer.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavigationItem> items;
    private final List<NavigationBadge> badges;
    private final ChartJson chartJson;

    LayoutModel(List<Navigation> modules, List<NavigationBadge> badges, ChartJson chartJson) {
        this.items = modules.stream().flatMap(m -> m.items().stream())
                .sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.badges = List.copyOf(badges);
        this.chartJson = chartJson;
    }

    /**
     * The layout's attributes, put on the model by one method (issue 14): Spring MVC runs each advice method on
     * every request, JSON ones included (a {@code @RestController} is a {@code @Controller}), and eight of them
     * took 13 % of a public submission's CPU samples (JFR at 64 clients), most of it in finding and calling each
     * method. A handler that writes its answer itself ({@code @ResponseBody}) renders no layout and gets none.
     */
    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class))) {
            return;
        }
        String path = ErrorResponses.originalPath(request);
        List<NavigationItem> visible = visibleItems();
        String active = activeNav(path);
        String area = activeArea(visible, active);
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("navigation", navigation(visible));
        model.addAttribute("badges", badges(visible));
        model.addAttribute("subNavigation", subNavigation(visible, area));
        model.addAttribute("activeArea", area);
        model.addAttribute("activeNav", active);
        model.addAttribute("largeText", largeText(request.getCookies()));
        model.addAttribute("currentPath", path);
        // Thymeleaf 3.1 refuses bean references (@chartJson) in templates
        model.addAttribute("chartJson", chartJson);
    }

    CivicUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CivicUser user ? user : null;
    }

    /** The top bar: every entry the user's roles allow, except those shown as tabs under their parent. */
    List<NavigationItem> navigation() {
        return navigation(visibleItems());
    }

    /** The badges of the entries the user sees, by path: counted when the page first reads them, not before. */
    LazyContextVariable<Map<String, NavigationBadge.Shown>> badges() {
        return badges(visibleItems());
    }

    private LazyContextVariable<Map<String, NavigationBadge.Shown>> badges(List<NavigationItem> visible) {
        CivicUser user = currentUser();
        Set<String> paths = visible.stream().map(NavigationItem::path).collect(Collectors.toSet());
        List<NavigationBadge> shown = user == null ? List.of() : badges.stream().filter(b -> paths.contains(b.path())).toList();
        return new LazyContextVariable<>() {
            @Override
            protected Map<String, NavigationBadge.Shown> loadValue() {
                Map<String, NavigationBadge.Shown> counts = new HashMap<>();
                for (NavigationBadge badge : shown) {
                    Long count = badge.count(user.accountId());
                    if (count != null && count > 0) {
                        counts.put(badge.path(), new NavigationBadge.Shown(count, badge.labelKey()));
                    }
                }
                return counts;
            }
        };
    }

    private static List<NavigationItem> navigation(List<NavigationItem> visible) {
        Set<String> paths = visible.stream().map(NavigationItem::path).collect(Collectors.toSet());
        return visible.stream().filter(item -> item.parent() == null || !paths.contains(item.parent())).toList();
    }

    /**
     * The tabs of the area the page belongs to: its top entry first, then the entries under it the
     * user may open; empty when the area has none.
     */
    private static List<NavigationItem> subNavigation(List<NavigationItem> visible, String area) {
        if (area == null) {
            return List.of();
        }
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
    private static String activeArea(List<NavigationItem> visible, String active) {
        if (active == null) {
            return null;
        }
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
    private String activeNav(String path) {
        return items.stream().map(NavigationItem::path)
                .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** 适老化: the public's large-text switch, remembered in a cookie. */
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
}
