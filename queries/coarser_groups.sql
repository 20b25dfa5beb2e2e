-- Types of municipality an indicator does not publish on their own, and the published group that contains them.
-- $indicator_code; $fiscal_year
select e.entity_type, e.label_ja as entity_label_ja, e.label_en as entity_label_en, p.peer_group_code,
       g.label_ja as peer_label_ja, g.label_en as peer_label_en
from peer_groups p
join entity_types e using (entity_type)
join groups g on g.group_code = p.peer_group_code
join entity_type_groups own on own.entity_type = p.entity_type and own.fineness = 0
where p.indicator_code = $indicator_code and p.fiscal_year = $fiscal_year and own.group_code <> p.peer_group_code
  and p.peer_group_code <> 'all'
order by e.sort_order
