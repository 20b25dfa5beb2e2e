import pytest

from common.fiscal_years import fiscal_year_label_en, fiscal_year_label_ja


@pytest.mark.parametrize("year, label", [(2023, "2023年度（令和5年度）"), (2019, "2019年度（令和元年度）"),
                                         (2018, "2018年度（平成30年度）"), (2025, "2025年度（令和7年度）")])
def test_fiscal_year_label_ja(year, label):
    assert fiscal_year_label_ja(year) == label


def test_fiscal_year_label_en():
    assert fiscal_year_label_en(2023) == "FY2023 (Reiwa 5)"
    assert fiscal_year_label_en(2019) == "FY2019 (Reiwa 1)"


def test_years_before_heisei_are_refused():
    with pytest.raises(ValueError):
        fiscal_year_label_ja(1980)
