-- A unit's reply wrote two timeline steps in one transaction: the order's private 'workOrder.replied'
-- and the opinion's public 'answered', same opinion, same unit, same instant. The staff history showed
-- one reply as two lines. Replies now write only 'answered'; the order's earlier twins go. A
-- 'workOrder.replied' step without an 'answered' step at its instant stays.
delete from opinion_step r
 using opinion_step a
 where r.kind = 'workOrder.replied'
   and a.kind = 'answered'
   and a.opinion_id = r.opinion_id
   and a.at = r.at;
