/**
 * 高质量发展绩效评价: how the districts of the city are evaluated and ranked. The evaluation half
 * ({@code performance.evaluation}): the indicator library, schemes per period, figures entered or
 * imported by the source departments, review and lock (the database refuses changes to a locked
 * period), composite scores, ranks and their change, charts, and the published results. Depends on
 * {@code shared}, {@code organization} (the districts, units, the signed-in user), {@code deadlines}
 * and the {@code suggestions} module's public KPI face ({@code suggestions.SuggestionKpiFigures}).
 * The tracked-work half ({@code performance.work}, 督办事项): reform points, leader-led projects,
 * investment projects through attract / land / serve, milestones on the one clock, monthly reports,
 * red/yellow/green and escalation through {@code notifications}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deadlines", "notifications", "suggestions"})
package org.civicloop.performance;
