-- Indicators computed from CivicLoop's own loops (the suggestions' KPIs) exist for the home district
-- only, so a scheme carries them as reference indicators (参考指标): shown beside the ranking, never
-- weighted or scored, which would punish the other districts for data CivicLoop does not hold.
alter table perf_scheme_indicator add column reference boolean not null default false;
alter table perf_scheme_indicator alter column weight drop not null;
alter table perf_scheme_indicator alter column method drop not null;
alter table perf_scheme_indicator add constraint perf_scheme_indicator_reference_check
    check (reference = (weight is null) and reference = (method is null));
