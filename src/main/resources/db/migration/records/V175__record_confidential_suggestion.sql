-- Suggestions marked confidential (涉密), as the duty records heard it (SuggestionRegistered,
-- SuggestionResultsKnown). Events come in any order: a suggestion's filing handled after its marking, or handed
-- again later, must not put its title back. RecordEntries writes a suggestion's line without a title once it
-- is here, under a lock per suggestion, so the two orders end the same.
create table record_confidential_suggestion (
    suggestion_id bigint primary key
);
insert into record_confidential_suggestion (suggestion_id)
select distinct source_id from record_entry where source in ('suggestion', 'suggestion.classA') and title is null;
