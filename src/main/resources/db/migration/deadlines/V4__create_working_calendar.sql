-- The working-day calendar as data: only the exceptions to "Monday to Friday work, Saturday and
-- Sunday rest". HOLIDAY is a statutory holiday (法定节假日, including the weekend days inside a holiday
-- period, so that a period reads whole); WORKDAY is a make-up working day (调休上班) on a weekend.
-- Reference data, not demo data: the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知).
-- Administrators import further years as CSV on /admin/calendar; an imported row replaces the row of
-- its date and is official.
create table calendar_exception (
    day         date        primary key,
    kind        varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        varchar(50) not null,
    -- true: not yet published by the State Council, our reading of its principles; replaced by an import
    provisional boolean     not null default false,
    updated_at  timestamptz not null default now(),
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);

-- 2025: 国办发明电〔2024〕12号 of 12 November 2024. 2026: the notice of 4 November 2025.
-- 2027: PROVISIONAL. Not published when this was written; derived from the principles the 2025 notice
-- set out (春节 8 days from 除夕, 国庆 7 days from 1 October, 劳动节 5 days, the others joined to a
-- weekend or only the day itself when it falls on a Wednesday) and the lunar dates (春节 6 February,
-- 端午 9 June, 中秋 15 September 2027). Replace it by importing the official notice as CSV.
insert into calendar_exception (day, kind, name, provisional) values
    -- 2025
    ('2025-01-01', 'HOLIDAY', '元旦', false), -- 周三
    ('2025-01-26', 'WORKDAY', '春节', false), -- 周日
    ('2025-01-28', 'HOLIDAY', '春节', false), -- 周二
    ('2025-01-29', 'HOLIDAY', '春节', false), -- 周三
    ('2025-01-30', 'HOLIDAY', '春节', false), -- 周四
    ('2025-01-31', 'HOLIDAY', '春节', false), -- 周五
    ('2025-02-01', 'HOLIDAY', '春节', false), -- 周六
    ('2025-02-02', 'HOLIDAY', '春节', false), -- 周日
    ('2025-02-03', 'HOLIDAY', '春节', false), -- 周一
    ('2025-02-04', 'HOLIDAY', '春节', false), -- 周二
    ('2025-02-08', 'WORKDAY', '春节', false), -- 周六
    ('2025-04-04', 'HOLIDAY', '清明节', false), -- 周五
    ('2025-04-05', 'HOLIDAY', '清明节', false), -- 周六
    ('2025-04-06', 'HOLIDAY', '清明节', false), -- 周日
    ('2025-04-27', 'WORKDAY', '劳动节', false), -- 周日
    ('2025-05-01', 'HOLIDAY', '劳动节', false), -- 周四
    ('2025-05-02', 'HOLIDAY', '劳动节', false), -- 周五
    ('2025-05-03', 'HOLIDAY', '劳动节', false), -- 周六
    ('2025-05-04', 'HOLIDAY', '劳动节', false), -- 周日
    ('2025-05-05', 'HOLIDAY', '劳动节', false), -- 周一
    ('2025-05-31', 'HOLIDAY', '端午节', false), -- 周六
    ('2025-06-01', 'HOLIDAY', '端午节', false), -- 周日
    ('2025-06-02', 'HOLIDAY', '端午节', false), -- 周一
    ('2025-09-28', 'WORKDAY', '国庆节、中秋节', false), -- 周日
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节', false), -- 周三
    ('2025-10-02', 'HOLIDAY', '国庆节、中秋节', false), -- 周四
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节', false), -- 周五
    ('2025-10-04', 'HOLIDAY', '国庆节、中秋节', false), -- 周六
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节', false), -- 周日
    ('2025-10-06', 'HOLIDAY', '国庆节、中秋节', false), -- 周一
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节', false), -- 周二
    ('2025-10-08', 'HOLIDAY', '国庆节、中秋节', false), -- 周三
    ('2025-10-11', 'WORKDAY', '国庆节、中秋节', false), -- 周六
    -- 2026
    ('2026-01-01', 'HOLIDAY', '元旦', false), -- 周四
    ('2026-01-02', 'HOLIDAY', '元旦', false), -- 周五
    ('2026-01-03', 'HOLIDAY', '元旦', false), -- 周六
    ('2026-01-04', 'WORKDAY', '元旦', false), -- 周日
    ('2026-02-14', 'WORKDAY', '春节', false), -- 周六
    ('2026-02-15', 'HOLIDAY', '春节', false), -- 周日
    ('2026-02-16', 'HOLIDAY', '春节', false), -- 周一
    ('2026-02-17', 'HOLIDAY', '春节', false), -- 周二
    ('2026-02-18', 'HOLIDAY', '春节', false), -- 周三
    ('2026-02-19', 'HOLIDAY', '春节', false), -- 周四
    ('2026-02-20', 'HOLIDAY', '春节', false), -- 周五
    ('2026-02-21', 'HOLIDAY', '春节', false), -- 周六
    ('2026-02-22', 'HOLIDAY', '春节', false), -- 周日
    ('2026-02-23', 'HOLIDAY', '春节', false), -- 周一
    ('2026-02-28', 'WORKDAY', '春节', false), -- 周六
    ('2026-04-04', 'HOLIDAY', '清明节', false), -- 周六
    ('2026-04-05', 'HOLIDAY', '清明节', false), -- 周日
    ('2026-04-06', 'HOLIDAY', '清明节', false), -- 周一
    ('2026-05-01', 'HOLIDAY', '劳动节', false), -- 周五
    ('2026-05-02', 'HOLIDAY', '劳动节', false), -- 周六
    ('2026-05-03', 'HOLIDAY', '劳动节', false), -- 周日
    ('2026-05-04', 'HOLIDAY', '劳动节', false), -- 周一
    ('2026-05-05', 'HOLIDAY', '劳动节', false), -- 周二
    ('2026-05-09', 'WORKDAY', '劳动节', false), -- 周六
    ('2026-06-19', 'HOLIDAY', '端午节', false), -- 周五
    ('2026-06-20', 'HOLIDAY', '端午节', false), -- 周六
    ('2026-06-21', 'HOLIDAY', '端午节', false), -- 周日
    ('2026-09-20', 'WORKDAY', '国庆节', false), -- 周日
    ('2026-09-25', 'HOLIDAY', '中秋节', false), -- 周五
    ('2026-09-26', 'HOLIDAY', '中秋节', false), -- 周六
    ('2026-09-27', 'HOLIDAY', '中秋节', false), -- 周日
    ('2026-10-01', 'HOLIDAY', '国庆节', false), -- 周四
    ('2026-10-02', 'HOLIDAY', '国庆节', false), -- 周五
    ('2026-10-03', 'HOLIDAY', '国庆节', false), -- 周六
    ('2026-10-04', 'HOLIDAY', '国庆节', false), -- 周日
    ('2026-10-05', 'HOLIDAY', '国庆节', false), -- 周一
    ('2026-10-06', 'HOLIDAY', '国庆节', false), -- 周二
    ('2026-10-07', 'HOLIDAY', '国庆节', false), -- 周三
    ('2026-10-10', 'WORKDAY', '国庆节', false), -- 周六
    -- 2027 (provisional: our reading of the 2025 principles, until the State Council publishes it)
    ('2027-01-01', 'HOLIDAY', '元旦', true), -- 周五
    ('2027-01-02', 'HOLIDAY', '元旦', true), -- 周六
    ('2027-01-03', 'HOLIDAY', '元旦', true), -- 周日
    ('2027-01-31', 'WORKDAY', '春节', true), -- 周日
    ('2027-02-05', 'HOLIDAY', '春节', true), -- 周五
    ('2027-02-06', 'HOLIDAY', '春节', true), -- 周六
    ('2027-02-07', 'HOLIDAY', '春节', true), -- 周日
    ('2027-02-08', 'HOLIDAY', '春节', true), -- 周一
    ('2027-02-09', 'HOLIDAY', '春节', true), -- 周二
    ('2027-02-10', 'HOLIDAY', '春节', true), -- 周三
    ('2027-02-11', 'HOLIDAY', '春节', true), -- 周四
    ('2027-02-12', 'HOLIDAY', '春节', true), -- 周五
    ('2027-02-20', 'WORKDAY', '春节', true), -- 周六
    ('2027-04-03', 'HOLIDAY', '清明节', true), -- 周六
    ('2027-04-04', 'HOLIDAY', '清明节', true), -- 周日
    ('2027-04-05', 'HOLIDAY', '清明节', true), -- 周一
    ('2027-05-01', 'HOLIDAY', '劳动节', true), -- 周六
    ('2027-05-02', 'HOLIDAY', '劳动节', true), -- 周日
    ('2027-05-03', 'HOLIDAY', '劳动节', true), -- 周一
    ('2027-05-04', 'HOLIDAY', '劳动节', true), -- 周二
    ('2027-05-05', 'HOLIDAY', '劳动节', true), -- 周三
    ('2027-05-08', 'WORKDAY', '劳动节', true), -- 周六
    ('2027-06-09', 'HOLIDAY', '端午节', true), -- 周三
    ('2027-09-15', 'HOLIDAY', '中秋节', true), -- 周三
    ('2027-09-26', 'WORKDAY', '国庆节', true), -- 周日
    ('2027-10-01', 'HOLIDAY', '国庆节', true), -- 周五
    ('2027-10-02', 'HOLIDAY', '国庆节', true), -- 周六
    ('2027-10-03', 'HOLIDAY', '国庆节', true), -- 周日
    ('2027-10-04', 'HOLIDAY', '国庆节', true), -- 周一
    ('2027-10-05', 'HOLIDAY', '国庆节', true), -- 周二
    ('2027-10-06', 'HOLIDAY', '国庆节', true), -- 周三
    ('2027-10-07', 'HOLIDAY', '国庆节', true), -- 周四
    ('2027-10-09', 'WORKDAY', '国庆节', true); -- 周六
