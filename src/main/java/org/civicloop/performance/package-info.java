/**
 * 高质量发展绩效评价: how the districts of the city are evaluated and ranked. The evaluation half
 * ({@code performance.evaluation}): the indicator library, schemes per period, figures entered or
 * imported by the source departments, review and lock (the database refuses changes to a locked
 * period), composite scores, ranks and their change, charts, and the published results. Depends on
 * {@code shared}, {@code organization} (the districts, units, the signed-in user), {@code deadlines}
 * and the {@code suggestions} module's public KPI face ({@code suggestions.SuggestionKpiFigures}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organization", "deadlines", "suggestions"})
package org.civicloop.performance;
