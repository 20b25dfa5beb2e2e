-- The topic an indicator belongs to.
-- $indicator_code
select topic_code from indicators where indicator_code = $indicator_code
