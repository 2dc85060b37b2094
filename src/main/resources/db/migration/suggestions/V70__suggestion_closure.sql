-- Closure of deputy suggestions (issue 4): an evaluation the deputy never gave is deemed by the
-- configured rule (civicloop.suggestions.unevaluated-as) and flagged, so that the KPIs can tell a
-- real evaluation from a deemed one; co-signing deputies may add their own opinion of the reply
-- (the lead deputy's evaluation decides); closed, non-confidential suggestions are published.

alter table suggestion add column evaluation_deemed boolean not null default false;

alter table suggestion_co_signer add column evaluation      varchar(24)
    check (evaluation in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'));
alter table suggestion_co_signer add column evaluation_note varchar(2000);
alter table suggestion_co_signer add column evaluated_at    timestamptz;

-- The public list of published replies: closed, not confidential, newest closure first (keyset).
create index suggestion_published_idx on suggestion (closed_at desc, id desc)
    where status = 'CLOSED' and not confidential;
