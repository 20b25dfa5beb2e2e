-- For one type of local government, its peer group per benchmark indicator and year: the finest published group containing it.
-- $entity_type
select p.indicator_code, p.fiscal_year, p.peer_group_code
from peer_groups p
where p.entity_type = $entity_type
  and p.indicator_code in (select indicator_code from benchmark_items)
order by p.indicator_code, p.fiscal_year
