"""The innovation chapter's model and every number its prose quotes (rubric, ranking, and real data)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from smartindustry.data import aggregates, load_indicator
from smartindustry.models.innovation import (
    CRITERIA,
    PROPOSALS,
    Proposal,
    challenge_demo,
    check_scores,
    normalise_weights,
    per_million,
    rank_proposals,
    rd_and_researchers,
    weight_sweep,
    weighted_score,
)
from smartindustry.questions import innovation as q

EQUAL = dict.fromkeys(CRITERIA, 1)

# -- weights -------------------------------------------------------------------


def test_weights_are_normalised_and_only_proportions_matter():
    shares = normalise_weights({"impact": 4, "feasibility": 2, "inclusion": 3, "sustainability": 1})
    assert shares == pytest.approx({"impact": 0.4, "feasibility": 0.2, "inclusion": 0.3, "sustainability": 0.1})
    assert math.isclose(sum(shares.values()), 1.0)
    assert list(shares) == list(CRITERIA)
    assert normalise_weights({"impact": 50, "feasibility": 0, "inclusion": 25, "sustainability": 25}) == pytest.approx(
        normalise_weights({"impact": 2, "feasibility": 0, "inclusion": 1, "sustainability": 1}))


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"impact": -1, "feasibility": 1, "inclusion": 1, "sustainability": 1}, "cannot be negative"),
        (dict.fromkeys(CRITERIA, 0), "All weights are zero"),
        ({"impact": "high", "feasibility": 1, "inclusion": 1, "sustainability": 1}, "must be a number"),
        ({"impact": True, "feasibility": 1, "inclusion": 1, "sustainability": 1}, "must be a number"),
        ({"impact": float("nan"), "feasibility": 1, "inclusion": 1, "sustainability": 1}, "finite"),
        ({"impact": 1, "feasibility": 1, "inclusion": 1}, "No weight for 'sustainability'"),
        ({**EQUAL, "price": 1}, "Unknown criterion 'price'"),
        ([1, 1, 1, 1], "must be a dictionary"),
    ],
)
def test_bad_weights_are_refused_with_a_plain_message(weights, message):
    with pytest.raises(ValueError, match=message):
        normalise_weights(weights)


# -- scores and totals ---------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"impact": 6, "feasibility": 1, "inclusion": 1, "sustainability": 1}, "scores run from 0 to 5"),
        ({"impact": -0.5, "feasibility": 1, "inclusion": 1, "sustainability": 1}, "scores run from 0 to 5"),
        ({"impact": "4", "feasibility": 1, "inclusion": 1, "sustainability": 1}, "must be a number"),
        ({"impact": 4, "feasibility": 1, "inclusion": 1}, "no score for 'sustainability'"),
        ({**EQUAL, "cost": 2}, "not a criterion"),
    ],
)
def test_bad_scores_are_refused_with_a_plain_message(scores, message):
    with pytest.raises(ValueError, match=message):
        check_scores(scores)


def test_weighted_score_stays_on_the_scale_of_the_scores():
    solar = PROPOSALS[3]
    assert solar.name == "Solar cooling"
    weights = {"impact": 4, "feasibility": 2, "inclusion": 3, "sustainability": 1}
    assert weighted_score(solar.scores, weights) == pytest.approx(3.7)  # the exercise's answer
    assert weighted_score(dict.fromkeys(CRITERIA, 4), weights) == pytest.approx(4.0)
    assert weighted_score(solar.scores, EQUAL) == pytest.approx(4.0)


def test_ranking_with_equal_weights_has_a_tie_for_third_place():
    table = rank_proposals(EQUAL)
    assert list(table["proposal"]) == ["Solar cooling", "Repair training", "Machine sharing", "Sensor kit", "Defect camera"]
    assert list(table["rank"]) == [1, 2, 3, 3, 5]
    assert list(table["total"].round(2)) == [4.0, 3.75, 3.5, 3.5, 3.25]
    assert list(table.columns) == ["rank", "proposal", *CRITERIA, "total"]


def test_tie_break_separates_ties_only_when_the_criterion_differs():
    # both tied proposals score 4 on impact: still tied
    assert list(rank_proposals(EQUAL, tie_break="impact")["rank"]) == [1, 2, 3, 3, 5]
    # Sensor kit has the higher sustainability score (4 against 3)
    by_sust = rank_proposals(EQUAL, tie_break="sustainability")
    assert list(by_sust["proposal"][2:4]) == ["Sensor kit", "Machine sharing"]
    assert list(by_sust["rank"]) == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError, match="tie_break must be one of"):
        rank_proposals(EQUAL, tie_break="price")


def test_floating_point_noise_does_not_break_a_tie():
    a = Proposal("A", "", {"impact": 0.1, "feasibility": 0.2, "inclusion": 0, "sustainability": 0})
    b = Proposal("B", "", {"impact": 0.3, "feasibility": 0, "inclusion": 0, "sustainability": 0})
    table = rank_proposals({"impact": 1, "feasibility": 1, "inclusion": 0, "sustainability": 0}, [a, b])
    assert list(table["rank"]) == [1, 1]


def test_ranking_refuses_duplicate_names_and_bad_scores():
    twin = Proposal("Sensor kit", "", dict.fromkeys(CRITERIA, 1))
    with pytest.raises(ValueError, match="same name"):
        rank_proposals(EQUAL, [*PROPOSALS, twin])
    bad = Proposal("Bad", "", {**dict.fromkeys(CRITERIA, 1), "impact": 9})
    with pytest.raises(ValueError, match="'Bad' on 'impact' is 9"):
        rank_proposals(EQUAL, [bad])
    with pytest.raises(ValueError, match="no proposals"):
        rank_proposals(EQUAL, [])


def test_weight_sweep_shows_the_winner_change():
    sweep = weight_sweep("inclusion", steps=21)
    assert list(sweep.index[[0, -1]]) == [0.0, 1.0]
    assert sweep.loc[0.0].idxmax() == "Solar cooling"
    assert sweep.loc[1.0].idxmax() == "Repair training"
    assert sweep.loc[1.0, "Repair training"] == pytest.approx(5.0)
    # the first share (in steps of 5 %) at which Repair training leads
    leads = sweep.index[sweep["Repair training"] > sweep["Solar cooling"]]
    assert leads[0] == pytest.approx(0.45)
    with pytest.raises(ValueError):
        weight_sweep("price")
    with pytest.raises(ValueError):
        weight_sweep("impact", steps=1)


# -- the demo ------------------------------------------------------------------


def test_demo_with_equal_weights_names_the_winner_and_the_same_ranking():
    result = challenge_demo()
    assert result.winners == ["Solar cooling"]
    text = result.to_text()
    assert "impact 25.0%" in text and "Compared with equal weights: the same ranking." in text
    assert "<table" in result.to_html() and "<caption>" in result.to_html()


def test_demo_question_impact_heavy_weights():
    result = challenge_demo(10, 2, 2, 2)
    assert result.weights["impact"] == pytest.approx(0.625)
    assert result.winners == ["Defect camera"]
    table = result.ranking.set_index("proposal")
    assert table.loc["Defect camera", "total"] == pytest.approx(4.125)
    assert table.loc["Solar cooling", "rank"] == 4 and table.loc["Solar cooling", "total"] == pytest.approx(3.5)
    assert table.loc["Repair training", "rank"] == 5
    assert table.loc["Machine sharing", "rank"] == table.loc["Sensor kit", "rank"] == 2
    assert "Defect camera up 4 (from rank 5 to 1)" in result.to_text()
    assert "4.12" in result.to_text() and "3.38" in result.to_text()
    assert q.demo_weights.check("B").correct


def test_demo_inclusion_heavy_and_a_tie_for_first():
    inclusive = challenge_demo(2, 5, 10, 2)  # the exercise's solution
    assert inclusive.winners == ["Repair training"]
    assert round(float(inclusive.ranking["total"].iloc[0]), 2) == 4.47
    assert "impact 62.5%" in challenge_demo(10, 2, 2, 2).to_text()
    tie = challenge_demo(0, 0, 0, 10)  # sustainability only: Solar cooling 5
    assert tie.winners == ["Solar cooling"]
    both = challenge_demo(10, 0, 0, 0)  # impact only: Defect camera 5, then a tie at 4
    assert both.ranking["rank"].tolist() == [1, 2, 2, 4, 4]
    feas = challenge_demo(0, 10, 10, 0)  # Repair training 5, Solar cooling 4
    assert feas.winners == ["Repair training"]
    first_tie = challenge_demo(0, 5, 0, 5)  # Solar cooling 4.5; Sensor kit and others lower
    assert first_tie.winners == ["Solar cooling"]
    two = challenge_demo(5, 0, 0, 5)  # Sensor kit 4, Solar cooling 4, Defect camera 4
    assert sorted(two.winners) == ["Defect camera", "Sensor kit", "Solar cooling"]
    assert "Tie for first place" in two.to_text()


@pytest.mark.parametrize("weights", [(0, 0, 0, 0), (-1, 5, 5, 5), ("x", 5, 5, 5)])
def test_demo_never_raises_on_bad_weights(weights):
    result = challenge_demo(*weights)
    assert result.ranking is None and result.message
    assert result.to_text() == result.message
    assert result.message in result.to_html() or "&" in result.to_html()


# -- real data: every figure the chapter quotes -------------------------------


def _agg(indicator: str, area: str, year: int) -> float:
    df = aggregates(indicator, area=area, sex="total", years=(year, year))
    assert len(df) == 1, (indicator, area, year)
    return float(df["value"].iloc[0])


def test_rd_aggregates_quoted_in_the_chapter():
    assert _agg("rd_share_gdp", "WB-WLD", 2023) == pytest.approx(2.597, abs=0.001)
    assert _agg("rd_share_gdp", "WB-HIC", 2023) == pytest.approx(2.875, abs=0.001)
    assert _agg("rd_share_gdp", "WB-UMC", 2023) == pytest.approx(2.008, abs=0.001)
    assert _agg("rd_share_gdp", "WB-LCN", 2023) == pytest.approx(0.683, abs=0.001)
    assert _agg("rd_share_gdp", "WB-LMC", 2019) == pytest.approx(0.547, abs=0.001)
    ssa = aggregates("rd_share_gdp", area="WB-SSF")
    assert int(ssa["year"].max()) == 2007 and float(ssa.sort_values("year")["value"].iloc[-1]) == pytest.approx(0.442, abs=0.001)
    assert aggregates("rd_share_gdp", area="WB-LIC").empty


@pytest.fixture(scope="module")
def pairs() -> pd.DataFrame:
    return rd_and_researchers(2015)


def test_rd_and_researchers_table(pairs):
    assert len(pairs) == 120
    assert pairs["iso3"].is_unique and pairs["income_group"].notna().all()
    assert int((pairs["rd_year"] != pairs["researchers_year"]).sum()) == 10
    assert int((pairs["rd_year"] < 2020).sum()) == 20
    assert (int(pairs["rd_year"].min()), int(pairs["rd_year"].max())) == (2015, 2024)
    rho = pairs[["rd_share_gdp", "researchers_per_million"]].corr(method="spearman").iloc[0, 1]
    assert rho == pytest.approx(0.86, abs=0.005)


def test_medians_by_income_group(pairs):
    med = pairs.groupby("income_group")[["rd_share_gdp", "researchers_per_million"]].median()
    n = pairs["income_group"].value_counts()
    assert n.to_dict() == {"High income": 51, "Upper middle income": 29, "Lower middle income": 27, "Low income": 13}
    assert med["rd_share_gdp"].round(2).to_dict() == {
        "High income": 1.49, "Low income": 0.22, "Lower middle income": 0.28, "Upper middle income": 0.36}
    assert med["researchers_per_million"].round(0).to_dict() == {
        "High income": 4634, "Low income": 51, "Lower middle income": 259, "Upper middle income": 764}
    # "about seven times" the R&D spending, "about ninety times" the researchers
    assert round(med.loc["High income", "rd_share_gdp"] / med.loc["Low income", "rd_share_gdp"], 1) == 6.7
    assert round(med.loc["High income", "researchers_per_million"] / med.loc["Low income", "researchers_per_million"]) == 91


@pytest.mark.parametrize(
    ("country", "rd", "rd_year", "researchers", "researchers_year"),
    [
        ("Kenya", 0.81, 2024, 384, 2024),
        ("Rwanda", 0.78, 2023, 133, 2023),
        ("Egypt", 1.02, 2024, 1120, 2024),
        ("South Africa", 0.61, 2022, 444, 2022),
        ("India", 0.65, 2020, 259, 2020),
        ("Vietnam", 0.41, 2023, 836, 2023),
        ("China", 2.58, 2023, 2107, 2023),
        ("Argentina", 0.60, 2023, 1313, 2023),
        ("Mexico", 0.25, 2024, 438, 2024),
        ("Germany", 3.15, 2023, 5926, 2023),
        ("Japan", 3.44, 2023, 5609, 2023),
        ("South Korea", 4.94, 2023, 9472, 2023),
    ],
)
def test_country_examples(pairs, country, rd, rd_year, researchers, researchers_year):
    row = pairs.set_index("country").loc[country]
    assert round(float(row["rd_share_gdp"]), 2) == rd and int(row["rd_year"]) == rd_year
    assert round(float(row["researchers_per_million"])) == researchers and int(row["researchers_year"]) == researchers_year


def test_patents_per_million_2021():
    pat = per_million(load_indicator("patents_residents"), load_indicator("population"))
    assert int(pat["year"].max()) == 2021
    y = pat[pat["year"] == 2021].set_index("iso3")["per_million"]
    assert len(y) == 113
    expected = {"KOR": 3598, "JPN": 1770, "CHN": 1010, "USA": 790, "DEU": 479,
                "ZAF": 29.3, "BRA": 22.3, "IND": 18.6, "KEN": 3.0}
    for iso, value in expected.items():
        assert y[iso] == pytest.approx(value, rel=0.002, abs=0.05), iso
    # "about 1,200 times fewer" in Kenya than in South Korea; Kenya's R&D share "about a sixth" of Korea's
    assert round(y["KOR"] / y["KEN"], -2) == 1200
    rd = rd_and_researchers(2015).set_index("iso3")["rd_share_gdp"]
    assert round(rd["KOR"] / rd["KEN"], 1) == 6.1
    # the exercise's reference gives the same numbers
    ref = q.patents_per_million_reference(load_indicator("patents_residents"), load_indicator("population"), 2021)
    assert ref.set_index("iso3")["per_million"].sort_index().round(6).equals(y.sort_index().round(6))


def test_per_million_joins_on_country_and_year_and_skips_gaps():
    counts = pd.DataFrame({"iso3": ["AAA", "AAA", "BBB"], "year": [2020, 2021, 2020], "value": [10, np.nan, 5]})
    pop = pd.DataFrame({"iso3": ["AAA", "AAA", "BBB"], "year": [2020, 2021, 2020], "value": [2_000_000, 2_000_000, 0]})
    out = per_million(counts, pop)
    assert out[["iso3", "year"]].values.tolist() == [["AAA", 2020]]
    assert out["per_million"].iloc[0] == pytest.approx(5.0)


def test_ip_charges_2022():
    world = _agg("ip_receipts", "WB-WLD", 2022)
    rich = _agg("ip_receipts", "WB-HIC", 2022)
    assert world / 1e9 == pytest.approx(503.5, abs=0.05)
    assert rich / 1e9 == pytest.approx(485.1, abs=0.05)
    assert round(rich / world * 100) == 96
    assert _agg("ip_receipts", "WB-LIC", 2022) / 1e6 == pytest.approx(24.7, abs=0.05)
    rec = load_indicator("ip_receipts", years=(2022, 2022))[["iso3", "value"]]
    pay = load_indicator("ip_payments", years=(2022, 2022))[["iso3", "value"]]
    both = rec.merge(pay, on="iso3", suffixes=("_rec", "_pay"))
    both["balance_bn"] = (both["value_rec"] - both["value_pay"]) / 1e9
    assert len(both) == 126 and int((both["balance_bn"] > 0).sum()) == 22
    bal = both.assign(iso3=both["iso3"].astype(str)).set_index("iso3")["balance_bn"].round(1)
    assert bal[["USA", "DEU", "JPN", "CHN", "IND", "BRA"]].tolist() == [93.3, 31.4, 18.0, -31.2, -9.3, -6.6]
    byiso = both.assign(iso3=both["iso3"].astype(str)).set_index("iso3")
    assert round(byiso.loc["IRL", "value_pay"] / 1e9) == 143
    assert round(byiso.loc["IND", "value_rec"] / 1e9, 1) == 1.2 and round(byiso.loc["IND", "value_pay"] / 1e9, 1) == 10.4
    india_patents = load_indicator("patents_residents", years=(2021, 2021)).set_index("iso3")["value"]
    assert india_patents["IND"] == 26267  # "over 26,000" in the question's feedback


def test_tertiary_enrolment_aggregates():
    assert round(_agg("tertiary_enrolment", "WB-WLD", 2024), 1) == 43.6
    assert round(_agg("tertiary_enrolment", "WB-HIC", 2024), 1) == 82.0
    assert round(_agg("tertiary_enrolment", "WB-UMC", 2024), 1) == 64.6
    assert round(_agg("tertiary_enrolment", "WB-LMC", 2024), 1) == 27.4
    lic = aggregates("tertiary_enrolment", area="WB-LIC", sex="total")
    assert int(lic["year"].max()) == 2021 and round(float(lic.sort_values("year")["value"].iloc[-1]), 1) == 9.3


def test_female_ownership_is_sparse():
    df = load_indicator("firms_female_ownership")
    per_year = df.groupby("year")["iso3"].nunique()
    assert int(per_year.max()) == 62 and int(per_year.idxmax()) == 2025
    since = df[df["year"] >= 2015]
    assert since["iso3"].nunique() == 170
    world = aggregates("firms_female_ownership", area="WB-WLD")
    assert world["year"].tolist() == [2025] and round(float(world["value"].iloc[0]), 1) == 34.8
