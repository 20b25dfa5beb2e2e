-- The types of local government a user can say they are (都道府県 … 村), with their labels, in display order.
select entity_type, label_ja, label_en, sort_order from entity_types order by sort_order
