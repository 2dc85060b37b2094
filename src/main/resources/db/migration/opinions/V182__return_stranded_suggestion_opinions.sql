-- Until 2026-12-07, 转为代表建议 moved an accepted opinion to IN_SUGGESTION (已转代表建议) before any suggestion
-- existed; a deputy who then left the form stranded it there with no suggestion and no action left to anyone,
-- and the voter read 已转为人大代表建议办理 for a suggestion that was never made. An opinion is now taken up
-- only by a saved suggestion. The stranded ones go back to ACCEPTED, where the deputy can take them up again
-- or the office route them, with a public step saying why (the voter had read the earlier one).
with stranded as (
    update opinion
       set status = 'ACCEPTED', updated_at = now(), version = version + 1
     where status = 'IN_SUGGESTION' and suggestion_id is null
 returning id
)
insert into opinion_step (opinion_id, kind, public_step, actor_label, note, at)
select id, 'suggestionNotSaved', true, null, null, now() from stranded;
