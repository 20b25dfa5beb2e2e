-- The channel (自宅 / 自宅・庁舎 / 近場 / 庁舎) of each front-yard initiative; NULL for other breakdowns.
-- $indicator_code
select breakdown_code, channel_ja, channel_en from breakdowns where indicator_code = $indicator_code
