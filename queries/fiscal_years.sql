-- Every fiscal year the database speaks of, with its labels (2023年度（令和5年度） / FY2023 (Reiwa 5)).
select fiscal_year, label_ja, label_en from fiscal_years order by fiscal_year
