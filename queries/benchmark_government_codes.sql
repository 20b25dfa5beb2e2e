-- The 団体コード of every local government: a code with a valid check digit that is not here names no government.
select government_code
from governments
order by government_code
