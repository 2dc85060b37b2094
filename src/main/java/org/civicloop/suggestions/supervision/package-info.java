/**
 * Supervision (督办) of deputies' suggestions, part of the suggestions module: lead supervision of key
 * suggestions by a leader (领衔督办) with recorded activities, continuous supervision year by year of items
 * closed with class B or C (连续督办), tracking of closed items with periodic reports (跟踪督办), and
 * standing-committee resolutions with the follow-up they demand (决议). It reads suggestions through the
 * module's own services and queries and hears their closure as {@code SuggestionClosedEvaluated} or
 * {@code SuggestionClosedUnevaluated}.
 */
package org.civicloop.suggestions.supervision;
