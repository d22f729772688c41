import pytest

from communique import code_text
from communique.where import resolve_place

WED = "2025-06-11"


def only(text, date=WED):
    (e,) = code_text(text, date=date)
    return e


def test_met_in_a_city():
    loc = only("Kenya and Ethiopia's foreign ministers met in Nairobi on Tuesday.").location
    assert (loc.resolved_place, loc.country_code, loc.resolution) == ("Nairobi", "KEN", 3)
    assert loc.lat == pytest.approx(-1.28, abs=0.1) and loc.lon == pytest.approx(36.82, abs=0.1)
    assert loc.geonameid and loc.feature_code == "PPLC"


def test_event_loc_in_the_plover_record():
    loc = only("Kenya and Ethiopia's foreign ministers met in Nairobi on Tuesday.").to_plover()["event_loc"]
    assert loc["extracted_place"] == "Nairobi" and loc["country_code"] == "KEN" and loc["resolution"] == 3
    assert {"lat", "lon", "geonameid", "resolved_place"} <= set(loc)


def test_visit_to_a_capital_is_located_there():
    e = only("Ugandan President Yoweri Museveni visited Nairobi on Tuesday.")
    assert (e.location.resolved_place, e.location.country_code, e.location.resolution) == ("Nairobi", "KEN", 3)


def test_visit_to_a_country_is_located_in_the_country():
    e = only("Indian Prime Minister Narendra Modi visited Japan on Friday.")
    assert (e.location.country_code, e.location.resolution) == ("JPN", 1)


def test_arrival_in_a_capital():
    e = only("Turkish President Recep Tayyip Erdogan arrived in Baghdad on Tuesday for talks with Iraqi leaders.")
    assert (e.location.resolved_place, e.location.country_code) == ("Baghdad", "IRQ")


@pytest.mark.parametrize("dateline", ["NAIROBI: ", "NAIROBI, June 11 (Reuters) - "])
def test_dateline_places_a_current_domestic_event(dateline):
    e = only(dateline + "Kenyan police arrested 20 protesters on Monday.")
    assert e.event_type == "COERCE"
    assert (e.location.resolved_place, e.location.country_code) == ("Nairobi", "KEN")


def inferred_or_none(loc, code):
    """No place was named: at most the acting state's own country, marked as inferred."""
    return loc is None or (loc.source == "inferred" and loc.country_code == code and loc.resolution == 1)


def test_dateline_of_another_country_is_not_the_place():
    loc = only("ISLAMABAD: Kenyan police arrested 20 protesters on Monday.").location
    assert inferred_or_none(loc, "KEN")


def test_dateline_does_not_place_old_background():
    loc = only("NAIROBI: Kenyan police arrested 20 protesters in 2019.").location
    assert inferred_or_none(loc, "KEN") and (loc is None or loc.source != "dateline")


def test_a_statement_with_no_place_is_placed_at_home_and_says_so():
    events = code_text("Kenya condemned Uganda's decision to close the border on Monday.", date="2025-06-11")
    loc = next(e for e in events if e.event_type == "ACCUSE").location
    assert (loc.country_code, loc.resolution, loc.source) == ("KEN", 1, "inferred")


def test_foreign_dateline_is_not_the_place_of_the_signing():
    assert only("BRUSSELS: Kenya and Uganda signed a trade pact on Tuesday.").location is None


def test_no_place_from_an_unrelated_sentence():
    text = "Kenya and Uganda signed a trade pact on Tuesday. The pact had been discussed at a summit in Paris."
    e = only(text)
    assert e.event_type == "SUPPORT" and e.location is None


@pytest.mark.parametrize(("text", "code"), [
    ("Lebanese troops attacked gunmen in Tripoli on Monday.", "LBN"),
    ("Libyan forces attacked gunmen in Tripoli on Monday.", "LBY"),
])
def test_ambiguous_city_prefers_the_story_country(text, code):
    loc = only(text).location
    assert (loc.resolved_place, loc.country_code) == ("Tripoli", code)


def test_resolve_place_of_a_country_and_of_nothing():
    loc = resolve_place("Belarus", set())
    assert (loc.country_code, loc.resolution, loc.lat) == ("BLR", 1, None)
    assert resolve_place("Xqzzyville", set()) is None


def test_a_statement_datelined_in_the_targets_capital_is_made_at_home():
    e = only("SEOUL: North Korea on Tuesday warned it would take resolute countermeasures against South Korea.")
    assert e.event_type == "THREATEN"
    assert (e.location.country_code, e.location.source) == ("PRK", "inferred")


def test_a_meeting_datelined_in_one_partys_capital_is_placed_there():
    e = only("SEOUL: South Korea's foreign minister met his Japanese counterpart on Tuesday.")
    assert (e.location.resolved_place, e.location.source) == ("Seoul", "dateline")


def test_a_place_missing_from_the_gazetteer_stands_for_the_country_set_after_it():
    e = only("Kenyan police arrested 20 protesters in Lamu County, Kenya, on Monday.")
    assert (e.location.country_code, e.location.resolution, e.location.source) == ("KEN", 1, "text")


def test_a_seat_of_power_is_in_its_country_not_a_gazetteer_alias():
    e = only("US President Donald Trump met Ukrainian President Volodymyr Zelenskiy at the White House on Friday.")
    assert (e.location.country_code, e.location.resolution) == ("USA", 1)
    assert resolve_place("White House", set()).country_code == "USA"  # GeoNames lists it as a Casablanca alias
    assert resolve_place("United Nations", set()) is None


def test_the_owner_of_a_named_district_is_the_place():
    e = only("Israeli troops raided homes in Jenin's eastern district on Monday.")
    assert e.location is not None and e.location.source == "text" and e.location.extracted_place == "Jenin"


def test_an_attack_placed_in_another_state_by_its_own_clause_is_against_that_state():
    e = only("Russian drones struck a fuel depot in Poltava's industrial district on Tuesday.", date="2025-09-30")
    assert (e.event_type, e.location.resolved_place) == ("ASSAULT", "Poltava")
    assert [(r.code, r.sector) for r in e.recipient] == [("UKR", "CVL")]


def test_a_place_elsewhere_in_the_sentence_does_not_name_the_target():
    e = only("In a report released in Nairobi, the group said Ethiopian troops launched an attack on Monday.")
    assert e.event_type == "ASSAULT" and not e.recipient


def test_a_place_inside_what_the_act_is_about_is_not_its_place():
    e = only("Yemen's Houthi rebels said on Sunday they attacked ships over the war in Gaza.", date="2025-09-30")
    assert e.location is None or e.location.country_code != "PSE"


def test_from_is_an_origin_except_for_acts_that_take_people_out_of_a_place():
    e = only("Cameroon's trade ministry said on Tuesday it was negotiating with Nigeria to import eggs from Brazil.")
    assert e.location is None or e.location.country_code != "BRA"
    e = only("Germany withdrew its last troops from Niamey on Tuesday.")
    assert e.location is not None and e.location.resolved_place == "Niamey"


def test_a_statement_in_a_un_forum_is_not_placed_at_home():
    events = code_text("Kenya condemned Uganda's decision to close the border in a Security Council debate on Monday.",
                       date="2025-06-11")
    e = next(e for e in events if e.event_type == "ACCUSE")
    assert e.location is None or e.location.source != "inferred"


def test_an_ambassadors_statement_is_not_placed_at_home():
    events = code_text("Nebenzia accused Kyiv of violating the truce on Monday.", date="2025-03-10")
    e = next(e for e in events if e.event_type == "ACCUSE")
    assert e.location is None or e.location.source != "inferred"
